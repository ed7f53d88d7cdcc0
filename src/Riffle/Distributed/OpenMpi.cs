using System.Runtime.InteropServices;

namespace Riffle.Distributed;

/// <summary>
/// A thin P/Invoke binding of Open MPI's C API in <c>libmpi.so.40</c> (Debian's <c>libopenmpi3</c>). The NuGet
/// <c>MPI.NET</c> package targets Microsoft's msmpi.dll and does not run on Linux. Open MPI's predefined handles
/// (<c>MPI_COMM_WORLD</c>, <c>MPI_FLOAT</c>, <c>MPI_SUM</c>, ...) are the addresses of exported objects
/// (<c>ompi_mpi_comm_world</c>, ...), found with <see cref="NativeLibrary.GetExport"/>.
/// </summary>
internal static unsafe class OpenMpi
{
    public const string Library = "libmpi.so.40";
    private const int RtldNow = 0x2, RtldGlobal = 0x100;
    public static readonly IntPtr InPlace = 1; // MPI_IN_PLACE is ((void *) 1) in Open MPI

    private static IntPtr _handle;

    /// <summary>
    /// Loads libmpi with RTLD_GLOBAL (Open MPI's plugins resolve their symbols against it; .NET's loader would load it
    /// RTLD_LOCAL) and resolves the handles. A clear <see cref="DllNotFoundException"/> when Open MPI is missing.
    /// </summary>
    public static void Load()
    {
        if (_handle != IntPtr.Zero) return;
        _handle = dlopen(Library, RtldNow | RtldGlobal);
        if (_handle == IntPtr.Zero)
            throw new DllNotFoundException($"cannot load {Library} ({Marshal.PtrToStringUTF8(dlerror())}); install Open MPI: apt-get install openmpi-bin");
        CommWorld = Export("ompi_mpi_comm_world");
        Float = Export("ompi_mpi_float");
        Double = Export("ompi_mpi_double");
        Int64 = Export("ompi_mpi_int64_t");
        Sum = Export("ompi_mpi_op_sum");
        Min = Export("ompi_mpi_op_min");
        Max = Export("ompi_mpi_op_max");
    }

    private static IntPtr Export(string name) => NativeLibrary.GetExport(_handle, name);

    public static IntPtr CommWorld { get; private set; }
    public static IntPtr Float { get; private set; }
    public static IntPtr Double { get; private set; }
    public static IntPtr Int64 { get; private set; }
    public static IntPtr Sum { get; private set; }
    public static IntPtr Min { get; private set; }
    public static IntPtr Max { get; private set; }

    public static IntPtr Op(ReduceOp op) => op switch { ReduceOp.Sum => Sum, ReduceOp.Min => Min, _ => Max };

    /// <summary>Throws when an MPI call did not return MPI_SUCCESS (0).</summary>
    public static void Check(int code, string call)
    {
        if (code != 0) throw new InvalidOperationException($"{call} failed with MPI error code {code}");
    }

    [DllImport("libc", EntryPoint = "dlopen")] private static extern IntPtr dlopen(string file, int mode);
    [DllImport("libc", EntryPoint = "dlerror")] private static extern IntPtr dlerror();

    [DllImport(Library)] public static extern int MPI_Initialized(out int flag);
    [DllImport(Library)] public static extern int MPI_Finalized(out int flag);
    [DllImport(Library)] public static extern int MPI_Init(IntPtr argc, IntPtr argv);
    [DllImport(Library)] public static extern int MPI_Finalize();
    [DllImport(Library)] public static extern int MPI_Comm_rank(IntPtr comm, out int rank);
    [DllImport(Library)] public static extern int MPI_Comm_size(IntPtr comm, out int size);
    [DllImport(Library)] public static extern int MPI_Allreduce(IntPtr sendbuf, void* recvbuf, int count, IntPtr datatype, IntPtr op, IntPtr comm);
    [DllImport(Library)] public static extern int MPI_Bcast(void* buffer, int count, IntPtr datatype, int root, IntPtr comm);
    [DllImport(Library)] public static extern int MPI_Barrier(IntPtr comm);
    [DllImport(Library)] public static extern int MPI_Abort(IntPtr comm, int errorcode);
}
