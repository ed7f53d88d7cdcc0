namespace Riffle.Doctor.Audit;

/// <summary>
/// The first sample holding each content hash: an open-addressing table with linear probing, at most half full. Plain
/// arrays instead of a <c>Dictionary&lt;ulong, int&gt;</c>: the audit runs once per process, and a value-type
/// dictionary costs more to compile than this table costs to fill.
/// </summary>
internal sealed class ContentIndex
{
    private readonly ulong[] _hashes;
    private readonly int[] _samples; // sample index + 1; 0 marks an empty slot
    private readonly int _shift;

    public ContentIndex(ReadOnlySpan<ulong> hashes)
    {
        int bits = 4;
        while ((1L << bits) < 2L * hashes.Length) bits++;
        _hashes = new ulong[1 << bits];
        _samples = new int[1 << bits];
        _shift = 64 - bits; // the hash's top bits pick the slot: XXH64's output is uniform in every bit
        for (int i = 0; i < hashes.Length; i++)
        {
            int slot = (int)(hashes[i] >> _shift);
            while (_samples[slot] != 0 && _hashes[slot] != hashes[i]) slot = (slot + 1) & (_samples.Length - 1);
            if (_samples[slot] != 0) continue; // keep the first sample with this hash
            _hashes[slot] = hashes[i];
            _samples[slot] = i + 1;
        }
    }

    /// <summary>The first sample with <paramref name="hash"/>, or -1.</summary>
    public int Find(ulong hash)
    {
        int slot = (int)(hash >> _shift);
        while (_samples[slot] != 0)
        {
            if (_hashes[slot] == hash) return _samples[slot] - 1;
            slot = (slot + 1) & (_samples.Length - 1);
        }
        return -1;
    }
}
