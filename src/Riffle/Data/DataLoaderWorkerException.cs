namespace Riffle.Data;

/// <summary>A sample that could not be loaded: names the worker that tried and the sample index, and keeps the cause.</summary>
public sealed class DataLoaderWorkerException : Exception
{
    public DataLoaderWorkerException(int workerId, int sampleIndex, Exception inner)
        : base($"{(workerId < 0 ? "the main thread" : $"worker {workerId}")} failed on sample {sampleIndex}: {inner.Message}", inner)
    {
        WorkerId = workerId;
        SampleIndex = sampleIndex;
    }

    /// <summary>The worker's id, or -1 for the main thread (<c>NumWorkers = 0</c>).</summary>
    public int WorkerId { get; }

    /// <summary>The dataset index of the sample that failed.</summary>
    public int SampleIndex { get; }
}
