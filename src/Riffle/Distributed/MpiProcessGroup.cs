namespace Riffle.Distributed;

/// <summary>
/// The ranks of an <c>mpirun</c> job over Open MPI's <c>MPI_COMM_WORLD</c>. Large buffers are sent in chunks of at
/// most <see cref="MaxChunk"/> elements (MPI counts are 32-bit).
/// </summary>
public sealed unsafe class MpiProcessGroup : IProcessGroup
{
    private const int MaxChunk = 1 << 28;
    private bool _finalized;

    private MpiProcessGroup(int rank, int size)
    {
        Rank = rank;
        WorldSize = size;
    }

    /// <summary>True when this process was started by Open MPI's <c>mpirun</c>.</summary>
    public static bool LaunchedByMpirun => Environment.GetEnvironmentVariable("OMPI_COMM_WORLD_SIZE") is not null;

    /// <summary>Ranks of this job on this machine (<c>OMPI_COMM_WORLD_LOCAL_SIZE</c>), or 1.</summary>
    public static int LocalSize => int.TryParse(Environment.GetEnvironmentVariable("OMPI_COMM_WORLD_LOCAL_SIZE"), out int n) && n > 0 ? n : 1;

    /// <summary>Initialises MPI (once per process) and joins <c>MPI_COMM_WORLD</c>.</summary>
    public static MpiProcessGroup Initialize()
    {
        OpenMpi.Load();
        OpenMpi.Check(OpenMpi.MPI_Initialized(out int initialized), "MPI_Initialized");
        if (initialized == 0) OpenMpi.Check(OpenMpi.MPI_Init(IntPtr.Zero, IntPtr.Zero), "MPI_Init");
        OpenMpi.Check(OpenMpi.MPI_Comm_rank(OpenMpi.CommWorld, out int rank), "MPI_Comm_rank");
        OpenMpi.Check(OpenMpi.MPI_Comm_size(OpenMpi.CommWorld, out int size), "MPI_Comm_size");
        return new MpiProcessGroup(rank, size);
    }

    public int Rank { get; }
    public int WorldSize { get; }

    public void AllReduce(Span<float> values, ReduceOp op = ReduceOp.Sum)
    {
        fixed (float* p = values) AllReduce(p, values.Length, sizeof(float), OpenMpi.Float, op);
    }

    public void AllReduce(Span<double> values, ReduceOp op = ReduceOp.Sum)
    {
        fixed (double* p = values) AllReduce(p, values.Length, sizeof(double), OpenMpi.Double, op);
    }

    public void AllReduce(Span<long> values, ReduceOp op)
    {
        fixed (long* p = values) AllReduce(p, values.Length, sizeof(long), OpenMpi.Int64, op);
    }

    private static void AllReduce(void* data, int count, int size, IntPtr type, ReduceOp op)
    {
        for (int start = 0; start < count; start += MaxChunk)
            OpenMpi.Check(OpenMpi.MPI_Allreduce(OpenMpi.InPlace, (byte*)data + (long)start * size, Math.Min(MaxChunk, count - start), type, OpenMpi.Op(op), OpenMpi.CommWorld), "MPI_Allreduce");
    }

    public void Broadcast(Span<float> values, int root)
    {
        fixed (float* p = values)
            for (int start = 0; start < values.Length; start += MaxChunk)
                OpenMpi.Check(OpenMpi.MPI_Bcast(p + start, Math.Min(MaxChunk, values.Length - start), OpenMpi.Float, root, OpenMpi.CommWorld), "MPI_Bcast");
    }

    public void Barrier() => OpenMpi.Check(OpenMpi.MPI_Barrier(OpenMpi.CommWorld), "MPI_Barrier");

    public void Abort(int exitCode)
    {
        OpenMpi.MPI_Abort(OpenMpi.CommWorld, exitCode);
        Environment.Exit(exitCode); // not reached: MPI_Abort ends the process
    }

    /// <summary>Finalizes MPI; after this no collective can be made in this process.</summary>
    public void Dispose()
    {
        if (_finalized) return;
        _finalized = true;
        OpenMpi.MPI_Finalized(out int finalized);
        if (finalized == 0) OpenMpi.MPI_Finalize();
    }
}
