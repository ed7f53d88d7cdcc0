namespace Riffle.Doctor;

/// <summary>What one check concluded: a finding, nothing (clean), or that it could not run and why.</summary>
public sealed record CheckResult
{
    private CheckResult(Finding? finding, string? notRunReason)
    {
        Finding = finding;
        NotRunReason = notRunReason;
    }

    /// <summary>The finding, when the check found something.</summary>
    public Finding? Finding { get; }

    /// <summary>Why the check could not run (for instance a column the history lacks); null when it ran.</summary>
    public string? NotRunReason { get; }

    public bool Ran => NotRunReason is null;

    public static CheckResult Clean { get; } = new(null, null);

    public static CheckResult Found(Finding finding) => new(finding ?? throw new ArgumentNullException(nameof(finding)), null);

    public static CheckResult CannotRun(string reason) => new(null, reason);
}
