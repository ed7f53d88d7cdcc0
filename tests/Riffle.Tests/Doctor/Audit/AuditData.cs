using Riffle.Data;
using Riffle.Data.Sampling;
using Riffle.Doctor;
using Riffle.Doctor.Audit;

namespace Riffle.Tests.Doctor.Audit;

/// <summary>Datasets, samplers and audit inputs for the audit tests, built from class counts.</summary>
internal static class AuditData
{
    /// <summary>A dataset with labels and no pixels.</summary>
    private sealed class LabelsOnly(int[] labels, int classes) : ILabeledDataset
    {
        public int Count => labels.Length;
        public IReadOnlyList<string> Classes { get; } = Enumerable.Range(0, classes).Select(c => $"c{c}").ToArray();
        public ReadOnlySpan<int> Labels => labels;
    }

    public static ILabeledDataset Labels(int[] labels, int classes) => new LabelsOnly(labels, classes);

    /// <summary>Labels sorted by class: <paramref name="counts"/>[c] samples of class c, class after class.</summary>
    public static int[] Sorted(params int[] counts) => counts.SelectMany((n, c) => Enumerable.Repeat(c, n)).ToArray();

    /// <summary>The same labels in a random order fixed by <paramref name="seed"/>.</summary>
    public static int[] Shuffled(int[] counts, long seed)
    {
        int[] labels = Sorted(counts);
        Permutation.Shuffle<int>(labels, SplitMix64.Mix(seed, 99));
        return labels;
    }

    /// <summary>
    /// 4x4 grayscale images, each distinct: the sample's <paramref name="salt"/>-keyed id in the first bytes, so two
    /// datasets with different salts share no image.
    /// </summary>
    public static InMemoryImageDataset Images(int[] labels, int classes, int salt)
    {
        var shape = new ImageShape(1, 4, 4);
        var pixels = new byte[labels.Length * shape.Size];
        for (int i = 0; i < labels.Length; i++)
        {
            BitConverter.TryWriteBytes(pixels.AsSpan(i * shape.Size), i);
            BitConverter.TryWriteBytes(pixels.AsSpan(i * shape.Size + 4), salt);
            pixels[i * shape.Size + 8] = (byte)labels[i];
        }
        return new InMemoryImageDataset(pixels, labels, shape, Enumerable.Range(0, classes).Select(c => $"c{c}").ToArray());
    }

    /// <summary>The trainer's samplers: one DistributedSampler per rank, cut into batches.</summary>
    public static BatchSampler[] Samplers(int count, int ranks, bool shuffle, long seed, int batchSize, bool dropLast = false) =>
        Enumerable.Range(0, ranks)
            .Select(r => new BatchSampler(new DistributedSampler(count, ranks, r, shuffle, seed, dropLast), batchSize, dropLast))
            .ToArray();

    public static AuditReport Audit(ILabeledDataset train, int ranks, bool shuffle, long seed, int batchSize, bool dropLast = false) =>
        PreflightAudit.Run(new AuditInput(train, Samplers(train.Count, ranks, shuffle, seed, batchSize, dropLast)));

    public static Finding? Find(this AuditReport report, string id) => report.Findings.SingleOrDefault(f => f.Id == id);

    public static string Describe(this AuditReport report) =>
        string.Join("\n", report.Findings.Select(f => $"{f.Severity} {f.Id}: {f.Title} | {f.Evidence}"));
}
