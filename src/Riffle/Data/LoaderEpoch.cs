using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics;

namespace Riffle.Data;

/// <summary>
/// The batches of one epoch, in the batch sampler's order whatever the number of workers, and the time the
/// consumer spent waiting for them (<see cref="DataWait"/>). With workers, worker w collates batches
/// <c>w, w + W, ...</c> into its own bounded queue (at most <c>PrefetchFactor</c> ahead) and the consumer takes
/// batch b from queue <c>b mod W</c>. Stopping early (break, exception, dispose) cancels the workers, waits for
/// them, and disposes every batch not handed out.
/// </summary>
public sealed class LoaderEpoch : IEnumerable<Batch>
{
    private readonly DataLoader _loader;
    private readonly int _epoch;
    private long _waitTicks;

    internal LoaderEpoch(DataLoader loader, int epoch)
    {
        _loader = loader;
        _epoch = epoch;
    }

    /// <summary>Time the consumer spent waiting for batches so far (collating them, with no workers).</summary>
    public TimeSpan DataWait => Stopwatch.GetElapsedTime(0, Interlocked.Read(ref _waitTicks));

    public IEnumerator<Batch> GetEnumerator() => _loader.Options.NumWorkers == 0 ? Inline() : Threaded();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private IEnumerator<Batch> Inline()
    {
        foreach (ArraySegment<int> indices in _loader.BatchSampler.GetBatches(_epoch))
        {
            long start = Stopwatch.GetTimestamp();
            Batch batch = _loader.Collate(indices, _epoch, workerId: -1);
            _waitTicks += Stopwatch.GetTimestamp() - start;
            yield return batch;
        }
    }

    private readonly record struct Slot(Batch? Batch, Exception? Error);

    private IEnumerator<Batch> Threaded()
    {
        IReadOnlyList<ArraySegment<int>> batches = _loader.BatchSampler.GetBatches(_epoch);
        int workers = _loader.Options.NumWorkers;
        var queues = new BlockingCollection<Slot>[workers];
        for (int w = 0; w < workers; w++) queues[w] = new BlockingCollection<Slot>(_loader.Options.PrefetchFactor);
        using var cancel = new CancellationTokenSource();
        using var finished = new CountdownEvent(workers);
        WorkerPool pool = _loader.RentPool();
        for (int w = 0; w < workers; w++)
        {
            int worker = w;
            pool.Run(w, () => Produce(worker, workers, batches, queues[worker], finished, cancel.Token));
        }
        try
        {
            for (int b = 0; b < batches.Count; b++)
            {
                long start = Stopwatch.GetTimestamp();
                Slot slot = queues[b % workers].Take(); // a worker always adds its batch or its error before it stops
                _waitTicks += Stopwatch.GetTimestamp() - start;
                if (slot.Error is not null) throw slot.Error;
                yield return slot.Batch!;
            }
        }
        finally
        {
            cancel.Cancel();
            finished.Wait();
            foreach (var queue in queues)
            {
                while (queue.TryTake(out Slot left)) left.Batch?.Dispose();
                queue.Dispose();
            }
            _loader.ReturnPool(pool);
        }
    }

    private void Produce(int worker, int workers, IReadOnlyList<ArraySegment<int>> batches, BlockingCollection<Slot> queue, CountdownEvent finished, CancellationToken token)
    {
        try
        {
            for (int b = worker; b < batches.Count && !token.IsCancellationRequested; b += workers)
            {
                Slot slot;
                try { slot = new Slot(_loader.Collate(batches[b], _epoch, worker), null); }
                catch (Exception e) { slot = new Slot(null, e); }
                try { queue.Add(slot, token); }
                catch (OperationCanceledException) { slot.Batch?.Dispose(); return; }
                if (slot.Error is not null) return;
            }
        }
        finally
        {
            queue.CompleteAdding();
            finished.Signal();
        }
    }
}
