namespace Riffle.Training;

/// <summary>Where an epoch stands: batches done of all, samples per second so far, and the running training loss.</summary>
public readonly record struct StepProgress(int Epoch, int Batch, int Batches, double SamplesPerSecond, double RunningLoss);
