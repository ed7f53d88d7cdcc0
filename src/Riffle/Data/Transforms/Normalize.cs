using System.Numerics;

namespace Riffle.Data.Transforms;

/// <summary>
/// <c>(pixel / 255 - mean) / std</c>, PyTorch's <c>ToTensor</c> followed by <c>Normalize</c>, through a 256-entry
/// table. One mean and std for all channels.
/// </summary>
public sealed class Normalize : ISampleTransform
{
    /// <summary>Mean and standard deviation of Fashion-MNIST's training pixels, scaled to [0, 1].</summary>
    public static readonly Normalize FashionMnist = new(0.2860f, 0.3530f);

    private readonly float[] _table = new float[256];

    public Normalize(float mean, float std)
    {
        if (!(std > 0)) throw new ArgumentOutOfRangeException(nameof(std), $"std must be positive, but got std={std}");
        Mean = mean;
        Std = std;
        for (int b = 0; b < 256; b++) _table[b] = b * (1f / (255f * std)) - mean / std; // the same arithmetic as the vector path
    }

    public float Mean { get; }
    public float Std { get; }

    public void Apply(ReadOnlySpan<byte> pixels, ImageShape shape, Span<float> destination, int sampleIndex, int epoch)
    {
        if (destination.Length < pixels.Length)
            throw new ArgumentException($"destination holds {destination.Length} floats but the image has {pixels.Length} pixels", nameof(destination));
        int i = 0;
        if (Vector.IsHardwareAccelerated && pixels.Length >= Vector<byte>.Count)
        {
            // x * (1 / (255 std)) - mean / std, Vector<byte>.Count pixels at a time: byte -> ushort -> uint -> float.
            var scale = new Vector<float>(1f / (255f * Std));
            var shift = new Vector<float>(-Mean / Std);
            int width = Vector<float>.Count;
            for (; i <= pixels.Length - Vector<byte>.Count; i += Vector<byte>.Count)
            {
                Vector.Widen(new Vector<byte>(pixels[i..]), out Vector<ushort> low, out Vector<ushort> high);
                Vector.Widen(low, out Vector<uint> a, out Vector<uint> b);
                Vector.Widen(high, out Vector<uint> c, out Vector<uint> d);
                (Vector.ConvertToSingle(a) * scale + shift).CopyTo(destination[i..]);
                (Vector.ConvertToSingle(b) * scale + shift).CopyTo(destination[(i + width)..]);
                (Vector.ConvertToSingle(c) * scale + shift).CopyTo(destination[(i + 2 * width)..]);
                (Vector.ConvertToSingle(d) * scale + shift).CopyTo(destination[(i + 3 * width)..]);
            }
        }
        float[] table = _table;
        for (; i < pixels.Length; i++) destination[i] = table[pixels[i]];
    }
}
