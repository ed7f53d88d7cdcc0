namespace Riffle.Doctor.Monitor;

/// <summary>Ids of the findings only the live monitor can raise (it sees predictions and steps, a log does not). Ids are API.</summary>
public static class MonitorFindingIds
{
    /// <summary>At least 90% of validation predictions fall in one class.</summary>
    public const string PredictionCollapse = "prediction-collapse";

    /// <summary>Accuracy over fixed step windows inside an epoch rises and falls again and again, with the class blocks of an unshuffled loader.</summary>
    public const string PeriodicMetrics = "periodic-metrics";

    public static IReadOnlyList<string> All { get; } = [PredictionCollapse, PeriodicMetrics];
}
