namespace Riffle.Doctor;

/// <summary>
/// A check over an epoch history: a pure function from <see cref="EpochHistory"/> to at most one
/// <see cref="Finding"/>, or the reason it cannot run on that history. Implementations hold their thresholds as
/// named constants and never throw on odd data (missing columns, NaN): they skip it or say they cannot run.
/// </summary>
public interface IMetricCheck
{
    /// <summary>The id of the finding this check raises; also its name in <see cref="Diagnosis.NotRun"/>.</summary>
    string Id { get; }

    CheckResult Run(EpochHistory history);
}
