using System.Collections.Concurrent;

namespace Riffle.Data;

/// <summary>Dedicated background threads, one job queue each, for the loader's workers.</summary>
internal sealed class WorkerPool : IDisposable
{
    private readonly BlockingCollection<Action>[] _jobs;
    private readonly Thread[] _threads;
    private static int _live;

    /// <summary>Loader threads alive in this process (tests check that none is left behind).</summary>
    internal static int LiveThreads => Volatile.Read(ref _live);

    public WorkerPool(int workers)
    {
        _jobs = new BlockingCollection<Action>[workers];
        _threads = new Thread[workers];
        for (int w = 0; w < workers; w++)
        {
            var queue = _jobs[w] = new BlockingCollection<Action>();
            _threads[w] = new Thread(() =>
            {
                Interlocked.Increment(ref _live);
                try { foreach (Action job in queue.GetConsumingEnumerable()) job(); }
                finally { Interlocked.Decrement(ref _live); }
            })
            {
                IsBackground = true,
                Name = $"riffle-loader-{w}",
            };
            _threads[w].Start();
        }
    }

    public int Count => _threads.Length;

    public void Run(int worker, Action job) => _jobs[worker].Add(job);

    public void Dispose()
    {
        foreach (var queue in _jobs) queue.CompleteAdding();
        foreach (var thread in _threads) thread.Join();
        foreach (var queue in _jobs) queue.Dispose();
    }
}
