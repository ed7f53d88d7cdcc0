using FsCheck.Xunit;
using Riffle.Doctor;
using Riffle.Doctor.Audit;
using Xunit;

namespace Riffle.Tests.Doctor.Audit;

/// <summary>
/// A correctly shuffled loader must never make the audit warn, whatever the class counts (balanced, imbalanced, a
/// class of one sample), the batch size, the seed, the number of ranks or drop-last, and however the data is ordered
/// before sampling (sorted by class is the hardest case: the shuffle has to do all the work).
/// </summary>
public class ShuffledLoaderProperties
{
    /// <summary>Class imbalance is a property of the data, not of the loader: it is allowed to warn.</summary>
    private static Finding? Bad(AuditReport report) =>
        report.Findings.FirstOrDefault(f => f.Severity >= Severity.Warning && f.Id != AuditFindingIds.ClassImbalance);

    private static int[] Counts(int[] raw, int classes0, int scale0)
    {
        int classes = (int)((uint)classes0 % 12) + 1;
        int scale = new[] { 5, 40, 300, 2000 }[(uint)scale0 % 4];
        return Enumerable.Range(0, classes).Select(c => (int)((uint)(c < raw.Length ? raw[c] : c * 7919) % scale) + 1).ToArray();
    }

    [Property(MaxTest = 400)]
    public void ShuffledDistributedSampler_NeverWarns(int[] raw, int classes0, int scale0, int batch0, int ranks0, long seed, bool dropLast, bool sorted)
    {
        int[] counts = Counts(raw ?? [], classes0, scale0);
        int[] labels = sorted ? AuditData.Sorted(counts) : AuditData.Shuffled(counts, seed);
        int batchSize = (int)((uint)batch0 % 300) + 1;
        int ranks = (int)((uint)ranks0 % 4) + 1;
        if (dropLast && labels.Length < ranks) return; // nothing to emit

        AuditReport report = AuditData.Audit(AuditData.Labels(labels, counts.Length), ranks, shuffle: true, seed, batchSize, dropLast);

        Finding? bad = Bad(report);
        Assert.True(bad is null, $"{bad?.Id}: {bad?.Title} | {bad?.Evidence} (counts {string.Join(",", counts)}, batch {batchSize}, ranks {ranks})");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(16)]
    [InlineData(64)]
    [InlineData(128)]
    [InlineData(1000)]
    public void TwentySeeds_ImbalancedSortedData_NoWarning(int batchSize)
    {
        // Ten classes from 3,000 down to 30 samples, sorted by class before sampling.
        int[] counts = [3000, 2000, 1500, 1000, 700, 400, 200, 100, 60, 30];
        var train = AuditData.Labels(AuditData.Sorted(counts), counts.Length);
        for (long seed = 0; seed < 20; seed++)
            foreach (int ranks in new[] { 1, 3 })
            {
                AuditReport report = AuditData.Audit(train, ranks, shuffle: true, seed, batchSize);
                Finding? bad = Bad(report);
                Assert.True(bad is null, $"seed {seed}, ranks {ranks}: {bad?.Id}: {bad?.Evidence}");
            }
    }
}
