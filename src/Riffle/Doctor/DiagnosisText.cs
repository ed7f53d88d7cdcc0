using System.Globalization;
using System.Text;

namespace Riffle.Doctor;

/// <summary>
/// A <see cref="Diagnosis"/> for the terminal: the causes best first with a line each, then every finding with
/// its evidence and fix, then the checks that did not run.
/// </summary>
public static class DiagnosisText
{
    private const string Indent = "           ";

    public static string Format(Diagnosis diagnosis)
    {
        var text = new StringBuilder();
        text.Append(diagnosis.HasProblems ? "likely causes, best first:\n" : "diagnosis:\n");
        int idWidth = diagnosis.Causes.Max(c => c.Id.Length);
        foreach (Cause cause in diagnosis.Causes)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {cause.Score:0.00}  {cause.Id.PadRight(idWidth)}  {CauseIds.Describe(cause.Id)}\n");
            if (cause.Findings.Count > 0)
                text.Append(CultureInfo.InvariantCulture, $"        {new string(' ', idWidth)}  from: {string.Join(", ", cause.Findings.Select(f => f.Id))}\n");
        }

        if (diagnosis.Findings.Count > 0)
        {
            text.Append("\nfindings:\n");
            foreach (Finding f in diagnosis.Findings) text.Append(Format(f));
        }

        if (diagnosis.NotRun.Count > 0)
        {
            text.Append("\nnot run:\n");
            int width = diagnosis.NotRun.Max(n => n.Check.Length);
            foreach (CheckNotRun n in diagnosis.NotRun) text.Append($"  {n.Check.PadRight(width)}  {n.Reason}\n");
        }
        return text.ToString();
    }

    /// <summary>One finding: severity, id, title, then evidence and fix indented (the live monitor prints findings this way too).</summary>
    public static string Format(Finding finding)
    {
        string epoch = finding.Epoch is { } e ? string.Create(CultureInfo.InvariantCulture, $" (epoch {e})") : "";
        return $"  {finding.Severity.ToName(),-8} {finding.Id}{epoch}: {finding.Title}\n" +
               $"{Indent}evidence: {finding.Evidence}\n" +
               $"{Indent}fix:      {finding.Fix}\n";
    }
}
