namespace Riffle.Doctor;

/// <summary>
/// How strongly a finding points at a cause: <see cref="Weight"/> in [0, 1] is roughly "if this finding is an
/// error and nothing else is known, how likely is this cause". <see cref="Why"/> is the reasoning, for readers.
/// </summary>
public sealed record EvidenceWeight(string FindingId, string CauseId, double Weight, string Why)
{
    /// <summary>
    /// In [0, 1]: evidence for the cause. Negative, in [-1, 0): counter-evidence, which multiplies the cause's score by
    /// <c>1 + Weight</c> whatever the finding's severity (a check that positively rules a cause out).
    /// </summary>
    public double Weight { get; } = Weight is >= -1 and <= 1
        ? Weight
        : throw new ArgumentOutOfRangeException(nameof(Weight), Weight, $"weight must be in [-1, 1], but got weight={Weight}");
}
