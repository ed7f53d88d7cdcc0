namespace Riffle.Doctor.Monitor;

/// <summary>Ids of the findings only the live monitor can raise (it sees predictions and steps, a log does not). Ids are API.</summary>
public static class MonitorFindingIds
{
    /// <summary>At least 90% of validation predictions fall in one class.</summary>
    public const string PredictionCollapse = "prediction-collapse";

    /// <summary>Accuracy over fixed step windows inside an epoch rises and falls again and again, with the class blocks of an unshuffled loader.</summary>
    public const string PeriodicMetrics = "periodic-metrics";

    /// <summary>Val ACC well above Train ACC for several epochs: the mark of wrong training labels.</summary>
    public const string ValAboveTrain = ValAboveTrainCheck.Id;

    /// <summary>Val Loss many times Train Loss from epoch 1: validation inputs prepared differently.</summary>
    public const string ValLossBlowup = ValLossBlowupCheck.Id;

    /// <summary>Info: the pre-flight audit found the loader's label order random (counter-evidence against unshuffled training).</summary>
    public const string LoaderOrderRandom = "loader-order-random";

    public static IReadOnlyList<string> All { get; } = [PredictionCollapse, PeriodicMetrics, ValAboveTrain, ValLossBlowup, LoaderOrderRandom];
}
