using Riffle.Doctor.Audit;
using Xunit;

namespace Riffle.Tests.Doctor.Audit;

/// <summary>The exact expectations against brute force: every batch of B out of N, enumerated.</summary>
public class HypergeometricTests
{
    private static IEnumerable<int[]> Subsets(int n, int k, int start = 0)
    {
        if (k == 0) { yield return []; yield break; }
        for (int i = start; i <= n - k; i++)
            foreach (int[] rest in Subsets(n, k - 1, i + 1))
                yield return [i, .. rest];
    }

    public static TheoryData<int[], int> Cases => new()
    {
        { [3, 2, 1], 2 },
        { [3, 2, 1], 4 },
        { [5, 1, 1, 2], 3 },
        { [4, 4], 4 },
        { [7, 0, 2], 5 },
        { [9], 3 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Expectations_MatchEnumeration(int[] counts, int batch)
    {
        int[] labels = AuditData.Sorted(counts);
        int n = labels.Length;
        double distinct = 0, single = 0, entropy = 0;
        int subsets = 0;
        foreach (int[] subset in Subsets(n, batch))
        {
            var groups = subset.GroupBy(i => labels[i]).Select(g => g.Count()).ToArray();
            distinct += groups.Length;
            if (groups.Length == 1) single++;
            entropy -= groups.Sum(k => (double)k / batch * Math.Log2((double)k / batch));
            subsets++;
        }

        var math = new Hypergeometric(n);
        Assert.Equal(distinct / subsets, math.ExpectedDistinct(counts, n, batch), 10);
        Assert.Equal(single / subsets, math.SingleClassProbability(counts, n, batch), 10);
        Assert.Equal(entropy / subsets, math.ExpectedEntropyBits(counts, n, batch), 10);
    }

    [Fact]
    public void LargeBinomials_StayFinite()
    {
        // C(60000, 128) is about 10^400: only log space can hold it.
        var math = new Hypergeometric(60_000);
        int[] counts = Enumerable.Repeat(6_000, 10).ToArray();
        double distinct = math.ExpectedDistinct(counts, 60_000, 128);
        Assert.InRange(distinct, 9.9999, 10.0); // 10 * (1 - 0.9^128) = 9.99999986...
        Assert.Equal(10 * (1 - Math.Pow(0.9, 128)), distinct, 6);
        Assert.InRange(math.ExpectedEntropyBits(counts, 60_000, 128), 3.2, Math.Log2(10));
    }

    [Fact]
    public void MissProbability_IsExact()
    {
        var math = new Hypergeometric(10);
        // Drawing 3 of 10 and missing all 4 of a class: C(6,3)/C(10,3) = 20/120.
        Assert.Equal(20.0 / 120, math.MissProbability(4, 10, 3), 12);
        Assert.Equal(0, math.MissProbability(8, 10, 3));
    }
}
