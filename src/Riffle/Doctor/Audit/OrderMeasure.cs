namespace Riffle.Doctor.Audit;

/// <summary>Measures one rank's epoch of batches on labels only: one pass over the emitted indices, O(samples + classes).</summary>
internal static class OrderMeasure
{
    /// <param name="sequence">Receives the emitted indices in order (all batches concatenated), for comparing epochs.</param>
    public static RankEpochOrder Measure(
        int rank, int epoch, IReadOnlyList<ArraySegment<int>> batches, ReadOnlySpan<int> labels, int classes,
        ReadOnlySpan<int> trainCounts, Hypergeometric math, out int[] sequence)
    {
        int samples = 0, largest = 0;
        foreach (ArraySegment<int> batch in batches)
        {
            samples += batch.Count;
            largest = Math.Max(largest, batch.Count);
        }

        sequence = new int[samples];
        var emitted = new int[samples]; // labels in emitted order
        var counts = new int[classes];
        int at = 0;
        for (int b = 0; b < batches.Count; b++)
        {
            foreach (int index in batches[b])
            {
                if ((uint)index >= (uint)labels.Length)
                    throw new ArgumentException(
                        $"rank {rank}, epoch {epoch}, batch {b}: index {index} is outside the training set [0, {labels.Length - 1}]", nameof(batches));
                sequence[at] = index;
                int label = emitted[at++] = labels[index];
                counts[label]++;
            }
        }

        // Runs of equal consecutive labels.
        long changes = 0;
        int run = samples > 0 ? 1 : 0, longest = run;
        for (int i = 1; i < samples; i++)
        {
            if (emitted[i] != emitted[i - 1]) { changes++; run = 1; }
            else if (++run > longest) longest = run;
        }

        // Per batch: distinct classes, entropy, same-class pairs. The class counts of a batch are set and cleared by
        // walking the batch itself, so a batch costs O(B) whatever the number of classes.
        var inBatch = new int[classes];
        // Expectations depend on the batch size only; batches of one size come together (B, B, ..., the short last).
        int expectedFor = -1;
        double expectedClasses = 0, expectedEntropy = 0, expectedSingleProbability = 0;
        double classSum = 0, entropySum = 0, expectedClassSum = 0, expectedEntropySum = 0, expectedSingle = 0;
        long pairs = 0, samePairs = 0;
        int single = 0, batchCount = 0;
        at = 0;
        foreach (ArraySegment<int> batch in batches)
        {
            int size = batch.Count;
            if (size == 0) continue;
            batchCount++;
            for (int i = 0; i < size; i++) inBatch[emitted[at + i]]++;
            int distinct = 0;
            double entropy = 0;
            for (int i = 0; i < size; i++)
            {
                int label = emitted[at + i];
                int k = inBatch[label];
                if (k == 0) continue; // already counted
                distinct++;
                samePairs += (long)k * (k - 1) / 2;
                double share = (double)k / size;
                entropy -= share * Math.Log2(share);
                inBatch[label] = 0;
            }
            at += size;
            classSum += distinct;
            entropySum += entropy;
            if (distinct == 1) single++;
            pairs += (long)size * (size - 1) / 2;

            if (size != expectedFor)
            {
                expectedFor = size;
                expectedClasses = math.ExpectedDistinct(counts, samples, size);
                expectedEntropy = math.ExpectedEntropyBits(counts, samples, size);
                expectedSingleProbability = math.SingleClassProbability(counts, samples, size);
            }
            expectedClassSum += expectedClasses;
            expectedEntropySum += expectedEntropy;
            expectedSingle += expectedSingleProbability;
        }

        // Two given positions of a random order hold the same class with probability p = sum_c n_c(n_c - 1) / (L(L - 1)),
        // whether they are neighbours or share a batch.
        double sameClass = 0;
        if (samples >= 2)
        {
            foreach (int n in counts) sameClass += (double)n * (n - 1);
            sameClass /= (double)samples * (samples - 1);
        }

        return new RankEpochOrder
        {
            Rank = rank,
            Epoch = epoch + 1,
            Samples = samples,
            Batches = batchCount,
            BatchSize = largest,
            MeanClasses = batchCount == 0 ? 0 : classSum / batchCount,
            ExpectedClasses = batchCount == 0 ? 0 : expectedClassSum / batchCount,
            MeanEntropyBits = batchCount == 0 ? 0 : entropySum / batchCount,
            ExpectedEntropyBits = batchCount == 0 ? 0 : expectedEntropySum / batchCount,
            SingleClassBatches = single,
            ExpectedSingleClassBatches = expectedSingle,
            BatchPairs = pairs,
            SameClassPairs = samePairs,
            ExpectedSameClassPairs = pairs * sameClass,
            LabelChanges = changes,
            ExpectedLabelChanges = samples < 2 ? 0 : (samples - 1) * (1 - sameClass),
            LongestRun = longest,
            ClassCounts = counts,
            ClassDistance = Distance(counts, samples, trainCounts),
        };
    }

    /// <summary>Total-variation distance between two class histograms: half the sum of the share differences.</summary>
    public static double Distance(ReadOnlySpan<int> a, int totalA, ReadOnlySpan<int> b)
    {
        long totalB = 0;
        foreach (int n in b) totalB += n;
        if (totalA == 0 || totalB == 0) return 0;
        double sum = 0;
        int classes = Math.Max(a.Length, b.Length);
        for (int c = 0; c < classes; c++)
        {
            double pa = c < a.Length ? (double)a[c] / totalA : 0;
            double pb = c < b.Length ? (double)b[c] / totalB : 0;
            sum += Math.Abs(pa - pb);
        }
        return sum / 2;
    }

    /// <summary>
    /// About how far (total variation) a random subset of <paramref name="draw"/> samples lands from the class shares of
    /// the <paramref name="counts"/> it is drawn from: half the sum over classes of the mean absolute deviation of a
    /// hypergeometric count, sqrt(2/pi) times its standard deviation, over the subset size. For the text only.
    /// </summary>
    public static double RandomDistance(ReadOnlySpan<int> counts, int draw)
    {
        long total = 0;
        foreach (int n in counts) total += n;
        if (draw <= 0 || total <= 1 || draw >= total) return 0;
        double sum = 0, finite = (double)(total - draw) / (total - 1);
        foreach (int n in counts)
        {
            double p = (double)n / total;
            sum += Math.Sqrt(draw * p * (1 - p) * finite);
        }
        return sum * Math.Sqrt(2 / Math.PI) / (2.0 * draw);
    }

    /// <summary>
    /// True when a distance this large between a random subset of <paramref name="draw"/> and its population is less
    /// likely than 1e-9: Hoeffding (which holds for sampling without replacement) bounds each set of classes A by
    /// exp(-2 n t^2), and a union over the 2^k sets of the k classes present bounds the distance.
    /// </summary>
    public static bool DistanceIsSignificant(double distance, int draw, int classesPresent) =>
        2.0 * draw * distance * distance - classesPresent * Math.Log(2) >= PreflightAudit.SignificanceExponent;
}
