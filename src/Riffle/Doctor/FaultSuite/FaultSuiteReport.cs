namespace Riffle.Doctor.FaultSuite;

/// <summary>The suite's outcome: recall over the fault scenarios, and error findings on the clean runs (which must be none).</summary>
public sealed record FaultSuiteReport(IReadOnlyList<ScenarioResult> Results)
{
    public int Faults => Results.Count(r => !r.Scenario.Clean);
    public int FaultsFound => Results.Count(r => !r.Scenario.Clean && r.Correct);
    public double Recall => Faults == 0 ? 1 : (double)FaultsFound / Faults;
    public int CleanErrorFindings => Results.Where(r => r.Scenario.Clean).Sum(r => r.ErrorFindings);
    public bool Passed => Results.All(r => r.Correct) && CleanErrorFindings == 0;
}
