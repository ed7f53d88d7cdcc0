namespace Riffle.Doctor;

/// <summary>
/// How strongly a finding points at a cause: <see cref="Weight"/> in [0, 1] is roughly "if this finding is an
/// error and nothing else is known, how likely is this cause". <see cref="Why"/> is the reasoning, for readers.
/// </summary>
public sealed record EvidenceWeight(string FindingId, string CauseId, double Weight, string Why)
{
    public double Weight { get; } = Weight is >= 0 and <= 1
        ? Weight
        : throw new ArgumentOutOfRangeException(nameof(Weight), Weight, $"weight must be in [0, 1], but got weight={Weight}");
}
