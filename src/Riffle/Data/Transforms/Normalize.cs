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
        for (int b = 0; b < 256; b++) _table[b] = (b / 255f - mean) / std;
    }

    public float Mean { get; }
    public float Std { get; }

    public void Apply(ReadOnlySpan<byte> pixels, ImageShape shape, Span<float> destination, int sampleIndex, int epoch)
    {
        float[] table = _table;
        for (int i = 0; i < pixels.Length; i++) destination[i] = table[pixels[i]];
    }
}
