namespace Riffle.Data;

/// <summary>Samples and batches delivered in one epoch, and the seconds it took.</summary>
public sealed record LoaderBenchmarkResult(int Samples, int Batches, double Seconds)
{
    public double SamplesPerSecond => Samples / Seconds;
}
