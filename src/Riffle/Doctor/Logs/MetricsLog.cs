namespace Riffle.Doctor.Logs;

/// <summary>
/// A metrics log as read: the file, its format, the epochs (1-based, accuracies as fractions), the columns it
/// had that the doctor does not use, and notes on how it was read (renumbered epochs, percentages).
/// </summary>
public sealed record MetricsLog(
    string Path,
    MetricsLogFormat Format,
    EpochHistory History,
    IReadOnlyList<string> IgnoredColumns,
    IReadOnlyList<string> Notes)
{
    /// <summary>The format's name for people: "epoch table", "riffle metrics.tsv", "Keras CSVLogger", "Lightning CSVLogger".</summary>
    public string FormatName => Format switch
    {
        MetricsLogFormat.EpochTable => "epoch table",
        MetricsLogFormat.RiffleMetrics => "riffle metrics.tsv",
        MetricsLogFormat.KerasCsv => "Keras CSVLogger",
        MetricsLogFormat.LightningCsv => "Lightning CSVLogger",
        _ => Format.ToString(),
    };
}
