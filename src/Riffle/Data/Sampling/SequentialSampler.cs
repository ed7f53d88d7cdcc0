namespace Riffle.Data.Sampling;

/// <summary><c>0, 1, ..., n-1</c> every epoch (PyTorch's <c>SequentialSampler</c>, what <c>shuffle=False</c> gives).</summary>
public sealed class SequentialSampler : ISampler
{
    public SequentialSampler(int count)
    {
        if (count < 0) throw new ArgumentOutOfRangeException(nameof(count), $"count must be non-negative, but got count={count}");
        Length = count;
    }

    public int Length { get; }

    public int[] GetIndices(int epoch)
    {
        var indices = new int[Length];
        for (int i = 0; i < Length; i++) indices[i] = i;
        return indices;
    }
}
