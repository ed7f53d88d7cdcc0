namespace Riffle.Doctor;

/// <summary>The rendered names of <see cref="Severity"/>: lowercase, stable (they appear in JSON).</summary>
public static class SeverityNames
{
    public static string ToName(this Severity severity) => severity switch
    {
        Severity.Info => "info",
        Severity.Warning => "warning",
        Severity.Error => "error",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "severity must be Info, Warning or Error"),
    };
}
