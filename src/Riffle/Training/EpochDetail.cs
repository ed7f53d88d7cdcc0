namespace Riffle.Training;

/// <summary>
/// What an epoch looked like beyond its table row, for the doctor's live monitor: this rank's accuracy per training
/// step, in order, and the validation and test evaluations with their prediction histograms.
/// </summary>
public sealed record EpochDetail(IReadOnlyList<int> StepCorrect, IReadOnlyList<int> StepSize, Evaluation Val, Evaluation Test);
