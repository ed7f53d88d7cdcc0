namespace Riffle.Doctor.Audit;

/// <summary>
/// What the pre-flight audit found: the findings (errors first), the checks it could not run on what it was given, the
/// measured numbers, and how long it took.
/// </summary>
public sealed record AuditReport(IReadOnlyList<Finding> Findings, IReadOnlyList<CheckNotRun> NotRun, AuditMeasurements Measurements, TimeSpan Elapsed)
{
    /// <summary>True when a finding is a warning or an error.</summary>
    public bool HasProblems => Findings.Any(f => f.Severity >= Severity.Warning);

    /// <summary>The findings ranked into causes, with <see cref="AuditEvidence.Ranker"/> unless another ranker is given.</summary>
    public Diagnosis Diagnose(CauseRanker? ranker = null) => Diagnosis.Of(Findings, NotRun, ranker ?? AuditEvidence.Ranker);
}
