namespace Riffle.Training;

/// <summary>What the doctor does during <c>riffle train</c>.</summary>
public enum DoctorMode
{
    /// <summary>No audit, no monitor.</summary>
    Off,

    /// <summary>Audit before the first step and monitor every epoch; report findings and train on.</summary>
    Warn,

    /// <summary>As <see cref="Warn"/>, but the first error finding stops the run (exit code 3); an audit error means no training at all.</summary>
    Strict,
}
