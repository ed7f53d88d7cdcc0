namespace Riffle.Doctor.Logs;

/// <summary>
/// Collects values by epoch and field while a log is read: rows of the same epoch merge (Lightning writes an
/// epoch over several sparse rows), and a later value of a field replaces an earlier one (a resumed Keras run
/// appends its epochs again).
/// </summary>
internal sealed class EpochRows
{
    private static readonly int Fields = Enum.GetValues<LogField>().Length;
    private readonly SortedDictionary<int, double?[]> _rows = [];

    public void Set(int epoch, LogField field, double? value)
    {
        if (!_rows.TryGetValue(epoch, out double?[]? row)) _rows[epoch] = row = new double?[Fields];
        if (value is not null) row[(int)field] = value;
    }

    /// <summary>
    /// The history, with epoch numbers plus <paramref name="shift"/> (1 for logs that count from 0). Epochs with
    /// no value at all are left out. If an accuracy exceeds 1 the log's accuracies are percentages and are scaled
    /// to fractions; <paramref name="notes"/> says so.
    /// </summary>
    public EpochHistory Build(int shift, List<string> notes)
    {
        var rows = _rows.Where(r => r.Value.Any(v => v is not null)).ToArray();
        bool percent = rows.Any(r => Enum.GetValues<LogField>().Any(f => LogColumns.IsAccuracy(f) && r.Value[(int)f] > 1));
        if (percent) notes.Add("accuracies above 1 found: all accuracies read as percentages");
        if (shift != 0 && rows.Length > 0) notes.Add($"epochs renumbered from {rows[0].Key + shift} (the log counts from 0)");
        double? Acc(double? v) => percent ? v / 100 : v;
        var records = rows.Select(r =>
        {
            double?[] v = r.Value;
            return new EpochRecord(r.Key + shift)
            {
                Time = v[(int)LogField.Time],
                TrainLoss = v[(int)LogField.TrainLoss],
                TrainAcc = Acc(v[(int)LogField.TrainAcc]),
                ValLoss = v[(int)LogField.ValLoss],
                ValAcc = Acc(v[(int)LogField.ValAcc]),
                TestLoss = v[(int)LogField.TestLoss],
                TestAcc = Acc(v[(int)LogField.TestAcc]),
                LearningRate = v[(int)LogField.LearningRate],
            };
        }).ToArray();
        return new EpochHistory(records);
    }
}
