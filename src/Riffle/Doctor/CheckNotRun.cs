namespace Riffle.Doctor;

/// <summary>A check that could not run on what the doctor was given, and why (usually: which data it needs).</summary>
/// <param name="Check">The check's id: a finding id for the metric checks, or the name of the data-hungry check.</param>
/// <param name="Reason">What is missing, in one line.</param>
public sealed record CheckNotRun(string Check, string Reason);
