using Riffle.Training;
using TorchSharp;
using Xunit;

namespace Riffle.Tests.Training;

[Collection(LibTorchCollection.Name)]
[Trait("Requires", "libtorch")]
public class TrainerTests : IClassFixture<TrainerTests.SmallData>
{
    /// <summary>200 training and 50 test images per class of the embedded subset.</summary>
    public sealed class SmallData : IDisposable
    {
        public string Folder { get; } = TestData.SmallFashionFolder(trainPerClass: 200, testPerClass: 50);
        public void Dispose() => Directory.Delete(Folder, recursive: true);
    }

    private readonly SmallData _data;

    public TrainerTests(SmallData data) => _data = data;

    private TrainOptions Options(TrainingOrder order = TrainingOrder.AsIs, bool shuffle = true, int epochs = 2) => new()
    {
        Data = _data.Folder, Model = "mlp", Epochs = epochs, BatchSize = 32, Order = order, Shuffle = shuffle, Threads = 1, Seed = 3,
    };

    private static List<EpochMetrics> Fit(TrainOptions options)
    {
        using var trainer = new Trainer(options, TrainingData.Prepare(options));
        return trainer.Fit().ToList();
    }

    [Fact]
    public void AnEpoch_LeavesNoLiveTensors()
    {
        var options = Options(epochs: 1);
        using var trainer = new Trainer(options, TrainingData.Prepare(options));
        trainer.RunEpoch(0); // warm-up: optimizer state (momentum buffers) is created on the first step and owned by the optimizer
        long before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        long outsideBefore = DisposeScopeManager.Statistics.CreatedOutsideScopeCount - DisposeScopeManager.Statistics.DisposedOutsideScopeCount;

        trainer.RunEpoch(1);

        Assert.Equal(before, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
        Assert.Equal(outsideBefore, DisposeScopeManager.Statistics.CreatedOutsideScopeCount - DisposeScopeManager.Statistics.DisposedOutsideScopeCount);
    }

    [Fact]
    public void ClassSortedUnshuffled_ReproducesTheStory_ShuffledTrainsNormally()
    {
        // Batches of 16 make each class block 11 batches long, as a real class-sorted dataset has many per class.
        var sorted = Fit(Options(TrainingOrder.ByLabel, shuffle: false) with { BatchSize = 16 });
        var shuffled = Fit(Options(TrainingOrder.ByLabel, shuffle: true) with { BatchSize = 16 });

        // The story: high running train accuracy (each batch is one class), validation near one class's share.
        Assert.True(sorted[0].TrainAcc >= 0.5, $"epoch-1 train acc {sorted[0].TrainAcc}");
        Assert.All(sorted, m => Assert.True(m.ValAcc <= 0.3, $"epoch {m.Epoch} val acc {m.ValAcc}"));
        Assert.True(shuffled[^1].ValAcc >= 0.65, $"shuffled val acc {shuffled[^1].ValAcc}");
    }

    [Fact]
    public void SameSeed_GivesIdenticalMetricsApartFromTime()
    {
        var a = Fit(Options()).Select(m => m with { Time = 0, DataWait = 0 });
        var b = Fit(Options()).Select(m => m with { Time = 0, DataWait = 0 });
        Assert.Equal(a, b);
    }

    [Fact]
    public void LearningRate_FollowsTheSchedule()
    {
        var rows = Fit(Options(epochs: 3) with { LrStep = 2, LrGamma = 0.5 });
        Assert.Equal([0.01, 0.01, 0.005], rows.Select(r => Math.Round(r.LearningRate, 10)));
    }
}
