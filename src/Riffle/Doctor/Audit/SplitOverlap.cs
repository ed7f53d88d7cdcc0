namespace Riffle.Doctor.Audit;

/// <summary>
/// Samples of split <see cref="Second"/> whose pixels are byte-identical to a sample of split <see cref="First"/>
/// (split names: <c>train</c>, <c>val</c>, <c>test</c>).
/// </summary>
/// <param name="First">The split searched in (train before val before test).</param>
/// <param name="Second">The split whose samples are counted.</param>
/// <param name="Shared">How many samples of <see cref="Second"/> also occur in <see cref="First"/>.</param>
/// <param name="SecondCount">The size of <see cref="Second"/>.</param>
/// <param name="DifferentLabel">How many of the shared samples carry another label in <see cref="First"/>.</param>
/// <param name="Examples">A few pairs of indices (in <see cref="First"/>, in <see cref="Second"/>), first found first.</param>
public sealed record SplitOverlap(string First, string Second, int Shared, int SecondCount, int DifferentLabel, IReadOnlyList<(int First, int Second)> Examples)
{
    /// <summary>The share of <see cref="Second"/> that also occurs in <see cref="First"/>.</summary>
    public double Share => SecondCount == 0 ? 0 : (double)Shared / SecondCount;
}
