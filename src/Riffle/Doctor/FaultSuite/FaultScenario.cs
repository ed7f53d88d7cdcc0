using Riffle.Data;
using Riffle.Training;

namespace Riffle.Doctor.FaultSuite;

/// <summary>
/// One run of the fault suite: a real training run on a small subset with one bug injected (or none, for a clean
/// run), and the cause the doctor should rank first.
/// </summary>
/// <param name="Build">Makes the run's options, data and hooks from the suite's base data and options.</param>
public sealed record FaultScenario(string Name, string ExpectedCause, string Description, bool Clean,
    Func<TrainTestData, TrainOptions, (TrainOptions Options, TrainingData Data, TrainingHooks Hooks)> Build);
