using System.Globalization;
using Xunit;

namespace Riffle.Tests.Distributed;

/// <summary>Real Open MPI jobs of the built riffle: two processes training one model.</summary>
[Collection(LibTorchCollection.Name)]
[Trait("Requires", "mpirun")]
public class MpiTrainingTests : IClassFixture<MpiTrainingTests.SmallData>, IDisposable
{
    public sealed class SmallData : IDisposable
    {
        public string Folder { get; } = TestData.SmallFashionFolder(trainPerClass: 200, testPerClass: 50);
        public void Dispose() => Directory.Delete(Folder, recursive: true);
    }

    private readonly SmallData _data;
    private readonly string _dir = TestData.TempDir();

    public MpiTrainingTests(SmallData data) => _data = data;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static double[][] Metrics(string run) => File.ReadAllLines(Path.Combine(run, "metrics.tsv")).Skip(1)
        .Select(l => l.Split('\t').Select(c => double.Parse(c, CultureInfo.InvariantCulture)).ToArray()).ToArray();

    private string[] Args(string run, int batch, params string[] more) => Args(run, batch, epochs: 2, more);

    private string[] Args(string run, int batch, int epochs, params string[] more) =>
        ["--data", _data.Folder, "--model", "mlp", "--epochs", epochs.ToString(CultureInfo.InvariantCulture), "--seed", "7", "--threads", "1",
         "--batch-size", batch.ToString(CultureInfo.InvariantCulture), "--out", run, .. more];

    [SkippableFact]
    public void TwoRanks_TrainLikeOneProcessOnTheSameGlobalBatch()
    {
        Skip.If(MpiJob.Mpirun is null, MpiJob.SkipReason);
        string single = Path.Combine(_dir, "single"), ranks = Path.Combine(_dir, "ranks");

        var one = MpiJob.Train(1, Args(single, 64));
        var two = MpiJob.Train(2, Args(ranks, 32));

        Assert.True(one.ExitCode == 0, one.Output + one.Error);
        Assert.True(two.ExitCode == 0, two.Output + two.Error);
        Assert.Contains("ranks:   2 processes, batch 32 per rank, global batch 64", two.Output);
        double[][] a = Metrics(single), b = Metrics(ranks);
        Assert.Equal(2, a.Length);
        for (int e = 0; e < a.Length; e++)
        {
            Assert.InRange(Math.Abs(a[e][2] - b[e][2]), 0, 1e-4);   // Train Loss
            Assert.InRange(Math.Abs(a[e][5] - b[e][5]), 0, 0.002);  // Val ACC
            Assert.InRange(Math.Abs(a[e][7] - b[e][7]), 0, 0.002);  // Test ACC
        }
    }

    [SkippableFact]
    public void TwoRanks_ReproduceTheStoryUnshuffled_AndTrainWhenShuffled()
    {
        Skip.If(MpiJob.Mpirun is null, MpiJob.SkipReason);
        string sorted = Path.Combine(_dir, "sorted"), shuffled = Path.Combine(_dir, "shuffled");

        var story = MpiJob.Train(2, Args(sorted, 8, "--order", "by-label", "--shuffle", "false"));
        var normal = MpiJob.Train(2, Args(shuffled, 8, "--order", "by-label", "--shuffle", "true"));

        Assert.True(story.ExitCode == 0 && normal.ExitCode == 0, story.Error + normal.Error);
        double[][] s = Metrics(sorted), n = Metrics(shuffled);
        Assert.True(s[0][3] >= 0.5, $"epoch-1 Train ACC {s[0][3]}");
        Assert.All(s, row => Assert.True(row[5] <= 0.3, $"Val ACC {row[5]}"));
        Assert.True(n[^1][5] >= 0.65, $"shuffled Val ACC {n[^1][5]}");
    }

    [SkippableFact]
    public void AKilledRank_EndsTheJobWithANonZeroCode_Within30Seconds()
    {
        Skip.If(MpiJob.Mpirun is null, MpiJob.SkipReason);
        var job = MpiJob.Train(2, Args(Path.Combine(_dir, "killed"), 8, epochs: 20), TimeSpan.FromSeconds(60),
            new Dictionary<string, string> { ["RIFFLE_FAULT"] = "kill:1:5" });

        Assert.Contains("Train ACC", job.Output); // training had started
        Assert.NotEqual(0, job.ExitCode);
        Assert.NotEqual(-1, job.ExitCode); // -1: the test had to kill a hung job
        Assert.True(job.Elapsed < TimeSpan.FromSeconds(30), $"took {job.Elapsed}");
        Assert.Contains("exited on signal 9", job.Output + job.Error);
    }

    [SkippableFact]
    public void AnExceptionOnRank1_PrintsRankFailed_AndEndsTheJob()
    {
        Skip.If(MpiJob.Mpirun is null, MpiJob.SkipReason);
        var job = MpiJob.Train(2, Args(Path.Combine(_dir, "thrown"), 8, epochs: 20), TimeSpan.FromSeconds(60),
            new Dictionary<string, string> { ["RIFFLE_FAULT"] = "throw:1:5" });

        Assert.NotEqual(0, job.ExitCode);
        Assert.NotEqual(-1, job.ExitCode);
        Assert.Contains("rank 1 failed: injected fault after batch 5", job.Output + job.Error);
    }

    [SkippableFact]
    public void RanksWithDifferentFlags_RefuseToTrain_NamingWhatDiffers()
    {
        Skip.If(MpiJob.Mpirun is null, MpiJob.SkipReason);
        string run = Path.Combine(_dir, "mismatch");
        var job = MpiJob.Run(
            ["-np", "1", MpiJob.Riffle, "train", .. Args(run, 8),
             ":", "-np", "1", MpiJob.Riffle, "train", .. Args(run, 16)], TimeSpan.FromSeconds(60));

        Assert.NotEqual(0, job.ExitCode);
        Assert.Contains("riffle: the ranks disagree on batch-size; every rank must get the same flags and the same data", job.Output + job.Error);
        Assert.False(File.Exists(Path.Combine(run, "metrics.tsv")));
    }
}
