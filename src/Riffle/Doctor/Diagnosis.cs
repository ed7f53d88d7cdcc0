namespace Riffle.Doctor;

/// <summary>
/// What the doctor concluded: causes ranked best first (just <c>healthy</c> when nothing stands out), every
/// finding (errors first), and the checks it could not run.
/// </summary>
public sealed record Diagnosis(IReadOnlyList<Cause> Causes, IReadOnlyList<Finding> Findings, IReadOnlyList<CheckNotRun> NotRun)
{
    /// <summary>True when a finding is a warning or an error (the CLI then exits with code 1).</summary>
    public bool HasProblems => Findings.Any(f => f.Severity >= Severity.Warning);

    /// <summary>The most likely cause (<c>healthy</c> when nothing stands out).</summary>
    public Cause TopCause => Causes[0];

    /// <summary>Ranks <paramref name="findings"/> with <paramref name="ranker"/> (default: <see cref="CauseRanker.Default"/>).</summary>
    public static Diagnosis Of(IEnumerable<Finding> findings, IEnumerable<CheckNotRun> notRun, CauseRanker? ranker = null)
    {
        // A stable sort: errors first, then warnings, then info, each in the order the checks ran.
        Finding[] ordered = findings.OrderByDescending(f => f.Severity).ToArray();
        return new Diagnosis((ranker ?? CauseRanker.Default).Rank(ordered), ordered, notRun.ToArray());
    }
}
