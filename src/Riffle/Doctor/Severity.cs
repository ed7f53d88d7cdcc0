namespace Riffle.Doctor;

/// <summary>How bad a <see cref="Finding"/> is. Rendered lowercase (<c>info</c>, <c>warning</c>, <c>error</c>).</summary>
public enum Severity
{
    /// <summary>Worth knowing; does not make a run unhealthy.</summary>
    Info,

    /// <summary>Probably a problem; the run may still be usable.</summary>
    Warning,

    /// <summary>The numbers cannot come from a correctly wired run.</summary>
    Error,
}
