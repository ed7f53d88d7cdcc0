using System.Diagnostics;
using Riffle.Data;
using Riffle.Data.Sampling;
using Riffle.Data.Transforms;
using Riffle.Training;

namespace Riffle.Doctor.FaultSuite;

/// <summary>
/// The doctor's fault suite: real training runs (the MLP on a 3,000-image stratified subset of the embedded
/// Fashion-MNIST) with one bug injected each, plus clean runs with several seeds. Each scenario says which cause
/// the doctor must rank first; clean runs must give no error finding.
/// </summary>
public static class FaultSuite
{
    /// <summary>Training images per class in the base data (the test set keeps a third as many).</summary>
    public const int TrainPerClass = 300;

    /// <summary>The options every scenario starts from: the MLP, 8 epochs, batches of 32, the doctor on.</summary>
    public static TrainOptions BaseOptions(long seed) => new()
    {
        Model = "mlp", Epochs = 8, BatchSize = 32, Seed = seed, Doctor = DoctorMode.Warn, EvalBatchSize = 500,
    };

    /// <summary>The first <see cref="TrainPerClass"/> training and a third as many test images of each class of the embedded subset.</summary>
    public static TrainTestData BaseData()
    {
        TrainTestData all = EmbeddedData.FashionMnistSubset();
        return new TrainTestData(PerClass(all.Train, TrainPerClass), PerClass(all.Test, TrainPerClass / 3), "fault-suite:" + all.Source);
    }

    private static Subset PerClass(IImageDataset set, int perClass)
    {
        var taken = new int[set.Classes.Count];
        return new Subset(set, Enumerable.Range(0, set.Count).Where(i => taken[set.Labels[i]]++ < perClass).ToArray());
    }

    public static IReadOnlyList<FaultScenario> Scenarios { get; } =
    [
        new("sorted-no-shuffle", CauseIds.UnshuffledTrainingOrder, "class-sorted training set, shuffle off (the story)", false,
            (d, o) => Standard(d, o with { Order = TrainingOrder.ByLabel, Shuffle = false })),
        new("sorted-small-shuffle-buffer", CauseIds.UnshuffledTrainingOrder, "class-sorted stream through a 64-sample shuffle buffer", false,
            (d, o) =>
            {
                var options = o with { Order = TrainingOrder.ByLabel, Shuffle = false };
                return (options, TrainingData.From(d, options), new TrainingHooks
                {
                    TrainSampler = (opt, n, w, r) => new ShuffleBuffer(TrainingHooks.DefaultSampler(opt, n, w, r), 64, opt.Seed),
                });
            }),
        new("forgotten-epoch-advance", CauseIds.UnshuffledTrainingOrder, "shuffled once, then the same order every epoch (set_epoch never called)", false,
            (d, o) => (o, TrainingData.From(d, o), new TrainingHooks
            {
                TrainSampler = (opt, n, w, r) => new FrozenEpochSampler(TrainingHooks.DefaultSampler(opt, n, w, r)),
            })),
        new("val-from-sorted-tail", CauseIds.EvalPipelineMismatch, "validation split cut from the tail of the class-sorted training set", false,
            (d, o) =>
            {
                int[] sorted = Splits.OrderByLabel(d.Train.Labels);
                int cut = (int)(sorted.Length * (1 - o.ValFraction));
                var data = new TrainingData(new Subset(d.Train, sorted[..cut]), new Subset(d.Train, sorted[cut..]), d.Test, d.Source, ImageFolderReport.None);
                // The training part is then shuffled properly: only the split is wrong.
                return (o, data, TrainingHooks.None);
            }),
        new("val-transposed", CauseIds.EvalPipelineMismatch, "validation and test images transposed (H and W swapped)", false,
            (d, o) => (o, TrainingData.From(d, o), new TrainingHooks { EvalTransform = new Compose(o.Seed, Normalize.FashionMnist, new Transpose()) })),
        new("val-unnormalised", CauseIds.EvalPipelineMismatch, "validation and test images left unnormalised (raw 0-255 values)", false,
            (d, o) => (o, TrainingData.From(d, o), new TrainingHooks { EvalTransform = new Normalize(0f, 1f / 255f) })),
        new("label-noise-30", CauseIds.LabelNoise, "30% of training labels replaced by a random other class", false,
            (d, o) =>
            {
                TrainingData data = TrainingData.From(d, o);
                var rng = new SplitMix64(SplitMix64.Mix(o.Seed, 30));
                int classes = data.Train.Classes.Count;
                int[] labels = data.Train.Labels.ToArray();
                for (int i = 0; i < labels.Length; i++)
                    if (rng.NextDouble() < 0.3) labels[i] = (labels[i] + 1 + rng.NextBelow(classes - 1)) % classes;
                return (o, data with { Train = new RelabeledDataset(data.Train, labels) }, TrainingHooks.None);
            }),
        new("lr-too-high", CauseIds.LearningRateTooHigh, "learning rate 3.0 with momentum 0.9", false,
            (d, o) => Standard(d, o with { LearningRate = 3.0 })),
        new("tiny-train-overfit", CauseIds.Overfitting, "10 training images per class, 40 epochs", false,
            (d, o) =>
            {
                var options = o with { Epochs = 40, BatchSize = 16 };
                TrainingData data = TrainingData.From(d, options);
                var taken = new int[data.Train.Classes.Count];
                int[] tiny = Enumerable.Range(0, data.Train.Count).Where(i => taken[data.Train.Labels[i]]++ < 10).ToArray();
                return (options, data with { Train = new Subset(data.Train, tiny) }, TrainingHooks.None);
            }),
        new("test-leaked-into-train", CauseIds.DataLeakage, "half of the test set copied into the training set", false,
            (d, o) =>
            {
                TrainingData data = TrainingData.From(d, o);
                var leaked = new Subset(data.Test, Enumerable.Range(0, data.Test.Count / 2).ToArray());
                return (o, data with { Train = new ConcatDataset(data.Train, leaked) }, TrainingHooks.None);
            }),
        Clean(1), Clean(2), Clean(3),
    ];

    private static FaultScenario Clean(long seed) =>
        new($"clean-seed-{seed}", CauseIds.Healthy, $"no fault, seed {seed}", true, (d, o) => Standard(d, o with { Seed = seed }));

    private static (TrainOptions, TrainingData, TrainingHooks) Standard(TrainTestData d, TrainOptions o) => (o, TrainingData.From(d, o), TrainingHooks.None);

    /// <summary>Runs the scenarios one after another; <paramref name="workDir"/> receives each run's folder.</summary>
    public static FaultSuiteReport Run(IEnumerable<FaultScenario> scenarios, string workDir, long seed = 42, Action<ScenarioResult>? progress = null)
    {
        TrainTestData data = BaseData();
        var results = new List<ScenarioResult>();
        foreach (FaultScenario scenario in scenarios)
        {
            var clock = Stopwatch.StartNew();
            var (options, training, hooks) = scenario.Build(data, BaseOptions(seed));
            TrainingOutcome outcome = TrainingRun.Execute(options, training, Path.Combine(workDir, scenario.Name), SilentObserver.Instance, hooks: hooks);
            var result = new ScenarioResult(scenario, outcome.Diagnosis!, clock.Elapsed.TotalSeconds);
            results.Add(result);
            progress?.Invoke(result);
        }
        return new FaultSuiteReport(results);
    }
}
