using Riffle.Distributed;

namespace Riffle.Tests.Distributed;

/// <summary>Rank 0 of a pretend two-rank job whose other rank holds <see cref="Other"/> values: enough to test reductions without MPI.</summary>
internal sealed class FakeTwoRankGroup : IProcessGroup
{
    public float[] OtherFloats { get; init; } = [];
    public long[] Other { get; init; } = [];
    public int Rank => 0;
    public int WorldSize => 2;
    public int Calls { get; private set; }

    public void AllReduce(Span<float> values, ReduceOp op = ReduceOp.Sum)
    {
        Calls++;
        for (int i = 0; i < values.Length; i++) values[i] += OtherFloats[i % OtherFloats.Length];
    }

    public void AllReduce(Span<double> values, ReduceOp op = ReduceOp.Sum) => Calls++;

    public void AllReduce(Span<long> values, ReduceOp op)
    {
        Calls++;
        for (int i = 0; i < values.Length; i++)
            values[i] = op == ReduceOp.Min ? Math.Min(values[i], Other[i]) : op == ReduceOp.Max ? Math.Max(values[i], Other[i]) : values[i] + Other[i];
    }

    public void Broadcast(Span<float> values, int root) => Calls++;
    public void Barrier() { }
    public void Abort(int exitCode) => throw new InvalidOperationException("abort");
    public void Dispose() { }
}
