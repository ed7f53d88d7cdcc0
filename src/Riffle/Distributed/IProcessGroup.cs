namespace Riffle.Distributed;

/// <summary>
/// The ranks of one data-parallel job and the collectives training needs (PyTorch's <c>ProcessGroup</c>). Every
/// call is collective: all ranks make it, in the same order, with buffers of the same length.
/// </summary>
public interface IProcessGroup : IDisposable
{
    int Rank { get; }
    int WorldSize { get; }

    /// <summary>Replaces <paramref name="values"/> on every rank by their element-wise combination over all ranks.</summary>
    void AllReduce(Span<float> values, ReduceOp op = ReduceOp.Sum);

    /// <inheritdoc cref="AllReduce(Span{float}, ReduceOp)"/>
    void AllReduce(Span<double> values, ReduceOp op = ReduceOp.Sum);

    /// <inheritdoc cref="AllReduce(Span{float}, ReduceOp)"/>
    void AllReduce(Span<long> values, ReduceOp op);

    /// <summary>Copies <paramref name="values"/> of rank <paramref name="root"/> to every rank.</summary>
    void Broadcast(Span<float> values, int root);

    void Barrier();

    /// <summary>Ends the whole job with <paramref name="exitCode"/>; does not return.</summary>
    void Abort(int exitCode);
}
