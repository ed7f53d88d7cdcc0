namespace Riffle.Doctor.FaultSuite;

/// <summary>What the doctor concluded on one scenario.</summary>
public sealed record ScenarioResult(FaultScenario Scenario, Diagnosis Diagnosis, double Seconds)
{
    public string FoundCause => Diagnosis.TopCause.Id;
    public bool Correct => FoundCause == Scenario.ExpectedCause;
    public int ErrorFindings => Diagnosis.Findings.Count(f => f.Severity == Severity.Error);
}
