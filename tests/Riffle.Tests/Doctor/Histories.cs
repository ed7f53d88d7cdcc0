using Riffle.Doctor;
using Riffle.Doctor.Logs;

namespace Riffle.Tests.Doctor;

/// <summary>Epoch histories for the doctor's tests: the story's, and small ones built column by column.</summary>
internal static class Histories
{
    /// <summary>The path of the story's table, copied next to the tests.</summary>
    public static string StoryLogPath => Path.Combine(AppContext.BaseDirectory, "Doctor", "Fixtures", "seed-log.tsv");

    /// <summary>
    /// A log from <c>Doctor/Fixtures</c>. Besides the story's table there are two real <c>metrics.tsv</c> of
    /// <c>riffle train --model mlp --epochs 5 --order by-label --threads 1 --shuffle false|true</c> (seed 42,
    /// embedded data): riffle-by-label-unshuffled.tsv and riffle-by-label-shuffled.tsv.
    /// </summary>
    public static EpochHistory Read(string fixture) =>
        MetricsLogReader.Read(Path.Combine(AppContext.BaseDirectory, "Doctor", "Fixtures", fixture)).History;

    /// <summary>The story's eight epochs, typed in from its table (independent of the log reader).</summary>
    public static EpochHistory Story(int? classes = null) => Of(
        trainLoss: [0.0053, 0.0084, 0.0095, 0.0087, 0.0065, 0.0061, 0.0057, 0.0101],
        trainAcc: [0.8645, 0.7311, 0.6777, 0.7102, 0.7712, 0.8071, 0.8349, 0.6432],
        valLoss: [0.0412, 0.0272, 0.0267, 0.0269, 0.0504, 0.0624, 0.0762, 0.0245],
        valAcc: [0.1443, 0.1443, 0.1443, 0.1443, 0.1443, 0.1443, 0.1443, 0.1443],
        testLoss: [0.0412, 0.0272, 0.0267, 0.0269, 0.0504, 0.0624, 0.0762, 0.0245],
        testAcc: [0.1443, 0.1443, 0.1443, 0.1443, 0.1443, 0.1443, 0.1443, 0.1443],
        lr: [0.0100, 0.0100, 0.0100, 0.0100, 0.0100, 0.0100, 0.0075, 0.0075],
        classes: classes);

    /// <summary>A history from columns (all the same length, epochs 1..n); a null column is missing, a null value too.</summary>
    public static EpochHistory Of(
        double?[]? trainLoss = null, double?[]? trainAcc = null,
        double?[]? valLoss = null, double?[]? valAcc = null,
        double?[]? testLoss = null, double?[]? testAcc = null,
        double?[]? lr = null, int? classes = null)
    {
        double?[]?[] columns = [trainLoss, trainAcc, valLoss, valAcc, testLoss, testAcc, lr];
        int n = columns.Where(c => c is not null).Select(c => c!.Length).Distinct().Single();
        var epochs = Enumerable.Range(0, n).Select(i => new EpochRecord(i + 1)
        {
            TrainLoss = trainLoss?[i],
            TrainAcc = trainAcc?[i],
            ValLoss = valLoss?[i],
            ValAcc = valAcc?[i],
            TestLoss = testLoss?[i],
            TestAcc = testAcc?[i],
            LearningRate = lr?[i],
        }).ToArray();
        return new EpochHistory(epochs) { Classes = classes };
    }

    /// <summary>
    /// A healthy run: train and val accuracy rising together towards a level well above chance, losses falling
    /// from below ln C, test close to val but measured on other data, a constant or stepped rate, a little noise
    /// on everything. <paramref name="seed"/> picks the shape and the noise.
    /// </summary>
    public static EpochHistory Healthy(int epochs, int classes, bool tellClasses, int seed, double noise = 0.004)
    {
        var random = new Random(seed);
        double U(double lo, double hi) => lo + (hi - lo) * random.NextDouble();
        double Noise() => U(-noise, noise);
        double chance = 1.0 / classes;
        double final = chance + (1 - chance) * U(0.2, 0.97);   // accuracy the run converges to
        double start = chance + (final - chance) * U(0.3, 0.8); // first epoch: already learning
        double speed = U(0.3, 1.5);                               // how fast it gets from start to final
        double trainLead = U(-0.02, 0.03);                        // Train ACC a little above or below Val ACC
        double lossStart = Math.Log(classes) * U(0.35, 0.8);
        double lossFinal = lossStart * U(0.1, 0.5);
        double lr = U(0.001, 0.1);
        int step = random.Next(2, 12);
        var records = new EpochRecord[epochs];
        for (int e = 1; e <= epochs; e++)
        {
            double progress = 1 - Math.Exp(-speed * (e - 1)); // 0 at epoch 1, towards 1
            double acc = start + (final - start) * progress;
            double loss = lossStart + (lossFinal - lossStart) * progress;
            double valAcc = Math.Clamp(acc + Noise(), 0, 1);
            double valLoss = loss * (1.05 + Noise());
            records[e - 1] = new EpochRecord(e)
            {
                Time = U(5, 6),
                TrainAcc = Round(Math.Clamp(acc + trainLead + Noise(), 0, 1)),
                TrainLoss = Round(loss * (1 + Noise())),
                ValAcc = Round(valAcc),
                ValLoss = Round(valLoss),
                TestAcc = Round(Math.Clamp(valAcc + U(-0.02, 0.02), 0, 1)),
                TestLoss = Round(valLoss * (1 + U(-0.05, 0.05))),
                LearningRate = Round(lr * Math.Pow(0.5, (e - 1) / step)),
            };
        }
        return new EpochHistory(records) { Classes = tellClasses ? classes : null };
    }

    // Logs print four decimals.
    private static double Round(double value) => Math.Round(value, 4);
}
