namespace Riffle.Doctor.Audit;

/// <summary>
/// <c>epoch-order-repeats</c> (warning): an epoch emits the samples in (nearly) the same order as the epoch before, on
/// some rank. That is a sampler that never reshuffles: <c>shuffle=False</c>, or PyTorch's DistributedSampler without
/// <c>set_epoch</c>, or TorchSharp's DataLoader with a fixed seed. A warning, not an error: a fixed order that is well
/// mixed still trains, only with the same batches every epoch; when it is also class-sorted,
/// <c>label-sorted-batches</c> carries the error.
/// </summary>
public static class EpochOrderRepeatsCheck
{
    /// <summary>
    /// Share of positions holding the same sample in both epochs at which the order counts as repeated. A fresh random
    /// order repeats about one position in total; half of them repeating is a sampler that did not reshuffle (or one
    /// that reshuffles only a small part).
    /// </summary>
    public const double RepeatShare = 0.5;

    /// <summary>
    /// Fewest repeated positions that count: a random permutation keeps k or more positions with probability at most
    /// 1/k!, and 1/13! is below 1e-9, so a tiny dataset that happens to come out the same cannot trip the check.
    /// </summary>
    public const int MinRepeats = 13;

    /// <param name="sequences">Emitted indices by rank, then epoch.</param>
    /// <returns>The finding, if any, and per rank the share of epoch 2's positions that repeat epoch 1 (NaN with one epoch).</returns>
    internal static (Finding? Finding, IReadOnlyList<double> Shares) Run(int[][][] sequences)
    {
        int ranks = sequences.Length;
        int epochs = sequences[0].Length;
        var firstShares = new double[ranks];
        Array.Fill(firstShares, double.NaN);
        Finding? finding = null;
        for (int e = 1; e < epochs; e++)
        {
            var repeats = new (int Same, int Length)[ranks];
            int repeating = 0;
            for (int r = 0; r < ranks; r++)
            {
                int[] before = sequences[r][e - 1], now = sequences[r][e];
                int same = 0, common = Math.Min(before.Length, now.Length);
                for (int i = 0; i < common; i++) if (before[i] == now[i]) same++;
                repeats[r] = (same, Math.Max(before.Length, now.Length));
                if (e == 1) firstShares[r] = Share(repeats[r]);
                if (Repeats(repeats[r])) repeating++;
            }
            if (finding is null && repeating > 0) finding = Describe(e, repeats);
        }
        return (finding, firstShares);
    }

    private static bool Repeats((int Same, int Length) r) => r.Same >= MinRepeats && Share(r) >= RepeatShare;

    // The finding's text, apart from the decision: compiled only when there is something to say.
    private static Finding Describe(int epoch, (int Same, int Length)[] repeats)
    {
        int ranks = repeats.Length;
        int[] repeating = Enumerable.Range(0, ranks).Where(r => Repeats(repeats[r])).ToArray();
        int worst = repeating.MaxBy(r => Share(repeats[r]));
        var (sameCount, length) = repeats[worst];
        double share = Share(repeats[worst]);
        int e = epoch;
        string where = ranks == 1 ? "" : repeating.Length == ranks ? $" on all {ranks} ranks" : $" on rank{(repeating.Length == 1 ? "" : "s")} {string.Join(", ", repeating)}";
        string title = share == 1
            ? $"Epoch {e + 1} repeats epoch {e}'s order exactly{where}"
            : $"Epoch {e + 1} repeats {AuditText.Percent(share)} of epoch {e}'s order{where}";
        string rankText = ranks == 1 ? "" : $"rank {worst}: ";
        return new Finding(
            AuditFindingIds.EpochOrderRepeats, Severity.Warning, title,
            $"{rankText}{AuditText.N(sameCount)} of {AuditText.N(length)} positions of epoch {e + 1} hold the same sample as in epoch {e} " +
            $"(a fresh random order repeats about 1); every epoch trains on the same batches in the same order",
            "Draw a fresh permutation every epoch: riffle train --shuffle true; in PyTorch DataLoader(shuffle=True), and with " +
            "DistributedSampler call sampler.set_epoch(epoch) before each epoch")
        {
            Epoch = e + 1,
            Numbers = new Dictionary<string, double>
            {
                ["rank"] = worst,
                ["repeatedPositions"] = sameCount,
                ["positions"] = length,
                ["repeatShare"] = Math.Round(share, 4),
                ["ranksRepeating"] = repeating.Length,
            },
        };
    }

    private static double Share((int Same, int Length) r) => r.Length == 0 ? 0 : (double)r.Same / r.Length;
}
