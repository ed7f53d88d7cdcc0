namespace Riffle.Doctor.Audit;

/// <summary>
/// Exact expectations for a batch of <c>B</c> labels drawn without replacement from class counts <c>n_c</c> (total
/// <c>N</c>): what a random order of the same labels gives. Binomials are taken in log space from a table of
/// <c>ln k!</c> (C(60000, 128) is about 10^400, far past a double), so every probability is one <c>exp</c> of a
/// difference of table entries.
/// </summary>
internal sealed class Hypergeometric
{
    private readonly double[] _logFactorial;

    /// <param name="max">The largest <c>n</c> of any <c>C(n, k)</c> asked for.</param>
    public Hypergeometric(int max)
    {
        _logFactorial = new double[max + 1];
        for (int i = 2; i <= max; i++) _logFactorial[i] = _logFactorial[i - 1] + Math.Log(i);
    }

    public int Max => _logFactorial.Length - 1;

    /// <summary><c>ln C(n, k)</c>; negative infinity when <c>k</c> is outside <c>[0, n]</c> (the binomial is 0).</summary>
    public double LogChoose(int n, int k) =>
        k < 0 || k > n ? double.NegativeInfinity : _logFactorial[n] - _logFactorial[k] - _logFactorial[n - k];

    /// <summary>
    /// The expected number of distinct classes in a batch of <paramref name="batch"/>:
    /// <c>sum_c 1 - C(N - n_c, B) / C(N, B)</c> (class c is missing when all B come from the other N - n_c).
    /// </summary>
    public double ExpectedDistinct(ReadOnlySpan<int> counts, int total, int batch)
    {
        double all = LogChoose(total, batch), sum = 0;
        foreach (int n in counts)
            if (n > 0) sum += 1 - Math.Exp(LogChoose(total - n, batch) - all);
        return sum;
    }

    /// <summary>The probability that a batch holds one class only: <c>sum_c C(n_c, B) / C(N, B)</c>.</summary>
    public double SingleClassProbability(ReadOnlySpan<int> counts, int total, int batch)
    {
        double all = LogChoose(total, batch), sum = 0;
        foreach (int n in counts)
            if (n >= batch) sum += Math.Exp(LogChoose(n, batch) - all);
        return Math.Min(1, sum);
    }

    /// <summary>
    /// The expected label entropy of a batch, in bits: <c>-sum_c E[(K_c/B) log2(K_c/B)]</c> with <c>K_c</c>
    /// hypergeometric (linearity of expectation makes the marginals enough).
    /// </summary>
    public double ExpectedEntropyBits(ReadOnlySpan<int> counts, int total, int batch)
    {
        double all = LogChoose(total, batch), sum = 0;
        foreach (int n in counts)
        {
            int top = Math.Min(batch - 1, n); // k = B contributes 0 (log 1)
            for (int k = 1; k <= top; k++)
            {
                double p = Math.Exp(LogChoose(n, k) + LogChoose(total - n, batch - k) - all);
                if (p == 0) continue;
                double share = (double)k / batch;
                sum -= p * share * Math.Log2(share);
            }
        }
        return sum;
    }

    /// <summary>The probability that a random subset of <paramref name="draw"/> of <paramref name="total"/> misses all <paramref name="count"/> members of a class.</summary>
    public double MissProbability(int count, int total, int draw) =>
        draw > total ? (count == 0 ? 1 : 0) : Math.Exp(LogChoose(total - count, draw) - LogChoose(total, draw));
}
