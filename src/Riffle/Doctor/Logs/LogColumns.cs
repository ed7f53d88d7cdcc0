namespace Riffle.Doctor.Logs;

/// <summary>Which log column names mean which <see cref="LogField"/>, for each family of formats.</summary>
internal static class LogColumns
{
    /// <summary>The story's header, as expected text in error messages.</summary>
    public const string TableHeader = "Epoch  Time  Train Loss  Train ACC  Val Loss  Val ACC  Test Loss  Test ACC  LR";

    /// <summary>First words of the two-word headers of a space-separated table ("Train Loss").</summary>
    public static readonly HashSet<string> TwoWordStarts = new(StringComparer.OrdinalIgnoreCase)
        { "train", "training", "val", "valid", "validation", "test", "learning" };

    private static readonly Dictionary<string, LogField> Table = new(StringComparer.OrdinalIgnoreCase)
    {
        ["epoch"] = LogField.Epoch,
        ["time"] = LogField.Time,
        ["lr"] = LogField.LearningRate,
        ["learning rate"] = LogField.LearningRate,
    };

    // Keras and Lightning spell the same metrics in snake_case; "loss" alone is the training loss in Keras.
    private static readonly Dictionary<string, LogField> Csv = new(StringComparer.OrdinalIgnoreCase)
    {
        ["loss"] = LogField.TrainLoss,
        ["lr"] = LogField.LearningRate,
        ["learning_rate"] = LogField.LearningRate,
    };

    static LogColumns()
    {
        (string[] Splits, LogField Loss, LogField Acc)[] splits =
        [
            (["train", "training"], LogField.TrainLoss, LogField.TrainAcc),
            (["val", "valid", "validation"], LogField.ValLoss, LogField.ValAcc),
            (["test"], LogField.TestLoss, LogField.TestAcc),
        ];
        string[] accuracies = ["acc", "accuracy"];
        string[] kerasAccuracies = ["acc", "accuracy", "categorical_accuracy", "sparse_categorical_accuracy", "binary_accuracy"];
        foreach (var (names, loss, acc) in splits)
            foreach (string split in names)
            {
                Table[$"{split} loss"] = loss;
                foreach (string a in accuracies) Table[$"{split} {a}"] = acc;
                Csv[$"{split}_loss"] = loss;
                foreach (string a in kerasAccuracies) Csv[$"{split}_{a}"] = acc;
            }
        foreach (string a in kerasAccuracies) Csv[a] = LogField.TrainAcc; // Keras: "accuracy" is the training accuracy
    }

    /// <summary>The field of a table header cell (inner whitespace collapsed), or null.</summary>
    public static LogField? TableField(string name) =>
        Table.TryGetValue(string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), out var f) ? f : null;

    /// <summary>
    /// The field of a CSV column (Keras or Lightning), or null. "/" counts as "_" (Lightning users log
    /// "val/acc"); Lightning's LearningRateMonitor names rates "lr-&lt;Optimizer&gt;[/pgN]" and momenta "lr-&lt;Optimizer&gt;-momentum".
    /// </summary>
    public static LogField? CsvField(string name)
    {
        string n = name.Replace('/', '_');
        if (n.StartsWith("lr-", StringComparison.OrdinalIgnoreCase))
            return n.EndsWith("-momentum", StringComparison.OrdinalIgnoreCase) || n.EndsWith("-weight_decay", StringComparison.OrdinalIgnoreCase)
                ? null : LogField.LearningRate;
        return Csv.TryGetValue(n, out var f) ? f : null;
    }

    public static bool IsAccuracy(LogField f) => f is LogField.TrainAcc or LogField.ValAcc or LogField.TestAcc;
}
