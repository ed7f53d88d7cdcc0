namespace Riffle.Distributed;

/// <summary>World size 1: every collective is the identity.</summary>
public sealed class SingleProcessGroup : IProcessGroup
{
    public static readonly SingleProcessGroup Instance = new();

    public int Rank => 0;
    public int WorldSize => 1;
    public void AllReduce(Span<float> values, ReduceOp op = ReduceOp.Sum) { }
    public void AllReduce(Span<double> values, ReduceOp op = ReduceOp.Sum) { }
    public void AllReduce(Span<long> values, ReduceOp op) { }
    public void Broadcast(Span<float> values, int root) { }
    public void Barrier() { }
    public void Abort(int exitCode) => Environment.Exit(exitCode);
    public void Dispose() { }
}
