namespace Riffle.Doctor.Audit;

/// <summary>
/// <c>rank-class-skew</c> (warning): some rank's epoch covers far fewer classes, or a very different class mix, than the
/// training set: what contiguous sharding of class-sorted data gives (rank 0 the first classes, rank 1 the next). With
/// one rank it checks that the sampler's epoch covers the training set fairly. A warning, not an error: averaging
/// gradients over the ranks still makes each step see the union of the ranks' batches, but every per-rank statistic
/// (BatchNorm's running means, per-rank metrics, anything not synchronised) learns from a few classes only, and it
/// usually means the data was sharded before it was shuffled.
/// <para>
/// Only differences a random shard could not produce count: a class missing from a rank whose absence a random shard
/// of that size has probability below 1e-9 (exact hypergeometric), or a distance beyond Hoeffding's bound at 1e-9.
/// </para>
/// </summary>
public static class RankClassSkewCheck
{
    /// <summary>
    /// Total-variation distance between a rank's class shares and the training set's from which a significant
    /// difference is reported: a tenth of the rank's samples would have to change class to match, far beyond the
    /// percent or so a random shard of a few thousand is off.
    /// </summary>
    public const double WarningDistance = 0.1;

    internal static Finding? Run(IReadOnlyList<RankEpochOrder> orders, ReadOnlySpan<int> trainCounts, IReadOnlyList<string> classNames, Hypergeometric math, int worldSize)
    {
        long total = 0;
        int present = 0;
        foreach (int n in trainCounts)
        {
            total += n;
            if (n > 0) present++;
        }

        RankEpochOrder? worst = null;
        int[] worstMissing = [];
        double worstScore = 0;
        foreach (RankEpochOrder o in orders)
        {
            if (o.Samples == 0) continue;
            var missing = new List<int>();
            double missProbability = 0;
            for (int c = 0; c < trainCounts.Length; c++)
            {
                if (trainCounts[c] == 0 || o.ClassCounts[c] > 0) continue;
                missing.Add(c);
                missProbability += math.MissProbability(trainCounts[c], (int)total, Math.Min(o.Samples, (int)total));
            }
            bool significantMissing = missing.Count > 0 && missProbability <= PreflightAudit.FalseAlarmProbability;
            bool significantDistance = o.ClassDistance >= WarningDistance && OrderMeasure.DistanceIsSignificant(o.ClassDistance, o.Samples, present);
            if (!significantMissing && !significantDistance) continue;
            // The worst rank: most classes missing, then the largest distance.
            double score = (significantMissing ? missing.Count : 0) + o.ClassDistance;
            if (score > worstScore)
            {
                worst = o;
                worstMissing = significantMissing ? missing.ToArray() : [];
                worstScore = score;
            }
        }
        return worst is null ? null : Describe(worst, worstMissing, orders, trainCounts.ToArray(), present, classNames, worldSize);
    }

    // The finding's text, apart from the decision: compiled only when there is something to say.
    private static Finding Describe(
        RankEpochOrder worst, int[] worstMissing, IReadOnlyList<RankEpochOrder> orders, int[] trainCounts, int present, IReadOnlyList<string> classNames, int worldSize)
    {
        double random = OrderMeasure.RandomDistance(trainCounts, worst.Samples);
        string who = worldSize == 1 ? "The sampler's epoch" : $"Rank {worst.Rank}";
        string title = worstMissing.Length > 0
            ? $"{who} {(worldSize == 1 ? "covers" : "trains on")} {worst.ClassesCovered} of {present} classes"
            : $"{who}'s class mix is far from the training set's (distance {AuditText.F(worst.ClassDistance)})";
        string missingText = worstMissing.Length > 0 ? $" (missing: {AuditText.Classes(worstMissing, classNames)})" : "";
        string perRank = worldSize == 1
            ? ""
            : "; classes per rank in epoch " + worst.Epoch + ": " +
              string.Join(", ", orders.Where(o => o.Epoch == worst.Epoch).Select(o => $"rank {o.Rank} {o.ClassesCovered}"));
        string where = worldSize == 1 ? $"epoch {worst.Epoch}" : $"rank {worst.Rank}, epoch {worst.Epoch}";
        return new Finding(
            AuditFindingIds.RankClassSkew, Severity.Warning, title,
            $"{where}: {AuditText.N(worst.Samples)} samples in {worst.ClassesCovered} of {present} classes{missingText}; " +
            $"total-variation distance {AuditText.F(worst.ClassDistance)} from the training set's class shares " +
            $"(a random shard of {AuditText.N(worst.Samples)}: about {AuditText.F(random, 3)}){perRank}",
            "Shuffle before sharding: every rank must take its share of one global permutation (DistributedSampler(shuffle=True) " +
            "with set_epoch, as riffle train under mpirun does), never a contiguous slice of a class-sorted dataset")
        {
            Epoch = worst.Epoch,
            Numbers = new Dictionary<string, double>
            {
                ["rank"] = worst.Rank,
                ["classesCovered"] = worst.ClassesCovered,
                ["classes"] = present,
                ["classDistance"] = Math.Round(worst.ClassDistance, 4),
                ["randomDistance"] = Math.Round(random, 4),
                ["samples"] = worst.Samples,
            },
        };
    }
}
