namespace Riffle.Data.Sampling;

/// <summary>
/// Index i drawn with probability proportional to <c>weights[i]</c> (PyTorch's <c>WeightedRandomSampler</c>).
/// With replacement: inverse-CDF draws by binary search. Without: Efraimidis-Spirakis keys <c>u^(1/w)</c>, the
/// <c>numSamples</c> largest win, which samples without replacement in proportion to the weights.
/// </summary>
public sealed class WeightedRandomSampler : ISampler
{
    private readonly double[] _weights;
    private readonly double[] _cumulative;
    private readonly long _seed;
    private readonly int _lastPositive;

    public WeightedRandomSampler(IReadOnlyList<double> weights, int numSamples, bool replacement = true, long seed = 0)
    {
        if (weights.Count == 0) throw new ArgumentException("weights must not be empty", nameof(weights));
        for (int i = 0; i < weights.Count; i++)
            if (!(weights[i] >= 0) || double.IsInfinity(weights[i]))
                throw new ArgumentOutOfRangeException(nameof(weights), $"weights must be finite and non-negative, but got weights[{i}]={weights[i]}");
        int positive = weights.Count(w => w > 0);
        if (positive == 0) throw new ArgumentException("weights must have at least one positive entry", nameof(weights));
        if (numSamples < 0) throw new ArgumentOutOfRangeException(nameof(numSamples), $"numSamples must be non-negative, but got numSamples={numSamples}");
        if (!replacement && numSamples > positive)
            throw new ArgumentException($"cannot draw numSamples={numSamples} without replacement from {positive} indices of positive weight", nameof(numSamples));
        _weights = weights.ToArray();
        _cumulative = new double[_weights.Length];
        double sum = 0;
        for (int i = 0; i < _weights.Length; i++) _cumulative[i] = sum += _weights[i];
        _lastPositive = Array.FindLastIndex(_weights, w => w > 0);
        Length = numSamples;
        Replacement = replacement;
        _seed = seed;
    }

    public bool Replacement { get; }
    public int Length { get; }

    public int[] GetIndices(int epoch)
    {
        var rng = new SplitMix64(SplitMix64.Mix(_seed, epoch));
        var indices = new int[Length];
        if (Replacement)
        {
            double total = _cumulative[^1];
            for (int k = 0; k < Length; k++)
            {
                double u = rng.NextDouble() * total;
                int i = Array.BinarySearch(_cumulative, u);
                i = i < 0 ? ~i : i + 1;           // first cumulative weight strictly above u: never a zero weight
                indices[k] = i < _weights.Length ? i : _lastPositive; // u rounded up to the total
            }
            return indices;
        }
        var keys = new double[_weights.Length];
        for (int i = 0; i < keys.Length; i++)
            keys[i] = _weights[i] > 0 ? Math.Log(1 - rng.NextDouble()) / _weights[i] : double.NegativeInfinity; // log(u^(1/w))
        int[] order = Enumerable.Range(0, keys.Length).ToArray();
        Array.Sort(keys.Select(k => -k).ToArray(), order);
        Array.Copy(order, indices, Length);
        return indices;
    }
}
