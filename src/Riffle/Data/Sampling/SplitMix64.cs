namespace Riffle.Data.Sampling;

/// <summary>
/// SplitMix64 (Steele, Lea, Flood 2014): a tiny, fast generator whose output is fixed by its seed forever,
/// unlike <see cref="System.Random"/>, whose algorithm may change between .NET versions. Every order Riffle
/// emits comes from here, so the same seed gives the same order on any machine.
/// </summary>
public struct SplitMix64
{
    private ulong _state;

    public SplitMix64(ulong seed) => _state = seed;

    public ulong Next()
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A uniform integer in <c>[0, bound)</c>, without modulo bias (Lemire's multiply-and-reject).</summary>
    public int NextBelow(int bound)
    {
        if (bound <= 0) throw new ArgumentOutOfRangeException(nameof(bound), $"bound must be positive, but got bound={bound}");
        ulong n = (ulong)bound;
        while (true)
        {
            ulong x = Next() >> 32; // 32 random bits
            ulong m = x * n;
            if ((uint)m >= (uint)(0x1_0000_0000UL % n)) return (int)(m >> 32);
        }
    }

    /// <summary>A uniform double in <c>[0, 1)</c> (53 random bits).</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Mixes a seed and a stream number (such as an epoch) into one independent seed.</summary>
    public static ulong Mix(long seed, long stream)
    {
        var g = new SplitMix64(unchecked((ulong)seed * 0xD1B54A32D192ED03UL ^ (ulong)stream));
        return g.Next();
    }

    /// <summary>Mixes a seed and two stream numbers (such as epoch and sample index) into one independent seed.</summary>
    public static ulong Mix(long seed, long stream, long substream) => Mix(unchecked((long)Mix(seed, stream)), substream);
}
