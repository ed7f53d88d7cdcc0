namespace Riffle.Doctor;

/// <summary>
/// A likely root cause: its stable id (see <see cref="CauseIds"/>), a score in [0, 1] from <see cref="CauseRanker"/>,
/// and the findings that support it, strongest first.
/// </summary>
public sealed record Cause(string Id, double Score, IReadOnlyList<Finding> Findings);
