namespace Riffle.Doctor.Logs;

/// <summary>
/// Keras <c>CSVLogger</c> and PyTorch Lightning <c>CSVLogger</c> logs. Both count epochs from 0 (shifted to 1 here)
/// and spell metrics in snake_case. Keras writes one full row per epoch. Lightning writes sparse rows (per step,
/// per validation run, per epoch) that are merged by epoch; of a metric logged both ways it keeps the
/// <c>_epoch</c> column and ignores the <c>_step</c> one. Columns the doctor has no use for are reported, not errors.
/// </summary>
internal static class CsvLogParser
{
    public static MetricsLog Parse(LogSource log, int headerLine)
    {
        string[] names = SplitCsv(log.Lines[headerLine - 1]);
        int epochColumn = Array.FindIndex(names, n => n.Equals("epoch", StringComparison.OrdinalIgnoreCase));
        bool lightning = names.Any(n => n.Equals("step", StringComparison.OrdinalIgnoreCase));
        if (epochColumn < 0)
            throw log.Error(headerLine, 1, null,
                $"'{LogSource.Shorten(names[0])}' starts a CSV header without an epoch column; expected a Keras CSVLogger header " +
                "(epoch,accuracy,loss,val_accuracy,val_loss) or a Lightning metrics.csv header (epoch,step,...)");

        var (columns, ignored) = lightning ? LightningColumns(names) : KerasColumns(names);
        if (columns.Count == 0)
            throw log.Error(headerLine,
                $"none of the columns is a metric the doctor reads; expected some of loss, accuracy, val_loss, val_accuracy, lr " +
                "(Keras) or train_loss, train_acc, val_loss, val_acc, test_acc, lr-<optimizer> (Lightning)");

        var rows = new EpochRows();
        var waiting = new List<(int Line, string[] Cells)>(); // Lightning rows without an epoch (LearningRateMonitor's)
        int? lastEpoch = null;
        for (int line = headerLine + 1; line <= log.Lines.Count; line++)
        {
            if (string.IsNullOrWhiteSpace(log.Lines[line - 1])) continue;
            string[] cells = SplitCsv(log.Lines[line - 1]);
            if (cells.Length < names.Length)
                throw log.Error(line, cells.Length + 1, names[cells.Length],
                    $"missing: the row has {cells.Length} values but the header (line {headerLine}) has {names.Length} columns");
            if (cells.Length > names.Length)
                throw log.Error(line, names.Length + 1, null,
                    $"unexpected value '{LogSource.Shorten(cells[names.Length])}': the header (line {headerLine}) has {names.Length} columns");
            if (LogSource.IsMissing(cells[epochColumn]))
            {
                if (!lightning) throw log.Error(line, epochColumn + 1, names[epochColumn], "missing; every Keras row has an epoch");
                waiting.Add((line, cells));
                continue;
            }
            int epoch = log.Epoch(cells[epochColumn], line, epochColumn + 1, names[epochColumn]);
            // Rows without an epoch were logged just before this epoch's steps (a rate at the start of the epoch).
            foreach (var (l, c) in waiting) Add(log, rows, epoch, l, c, names, columns);
            waiting.Clear();
            Add(log, rows, epoch, line, cells, names, columns);
            lastEpoch = epoch;
        }
        if (waiting.Count > 0)
        {
            if (lastEpoch is not { } last)
                throw log.Error(waiting[0].Line, epochColumn + 1, names[epochColumn], "no row of the log has an epoch; expected epoch numbers");
            foreach (var (l, c) in waiting) Add(log, rows, last, l, c, names, columns);
        }

        var notes = new List<string>();
        if (lightning && names.Any(n => n.EndsWith("_step", StringComparison.OrdinalIgnoreCase)))
            notes.Add("per-step columns (*_step) ignored: the doctor reads per-epoch values");
        EpochHistory history = rows.Build(shift: 1, notes);
        return new MetricsLog(log.Path, lightning ? MetricsLogFormat.LightningCsv : MetricsLogFormat.KerasCsv, history, ignored, notes);
    }

    private static void Add(LogSource log, EpochRows rows, int epoch, int line, string[] cells, string[] names, Dictionary<LogField, int> columns)
    {
        foreach (var (field, i) in columns)
            rows.Set(epoch, field, log.Value(cells[i], line, i + 1, names[i], field));
    }

    /// <summary>Keras: each known name maps to its field; the first column of a field wins.</summary>
    private static (Dictionary<LogField, int>, List<string>) KerasColumns(string[] names)
    {
        var columns = new Dictionary<LogField, int>();
        var ignored = new List<string>();
        for (int i = 0; i < names.Length; i++)
        {
            if (names[i].Equals("epoch", StringComparison.OrdinalIgnoreCase)) continue;
            if (LogColumns.CsvField(names[i]) is { } f && columns.TryAdd(f, i)) continue;
            ignored.Add(names[i]);
        }
        return (columns, ignored);
    }

    /// <summary>
    /// Lightning: "x_epoch" is x averaged over the epoch and beats a plain "x"; "x_step" is per step and is
    /// skipped; epoch and step are bookkeeping.
    /// </summary>
    private static (Dictionary<LogField, int>, List<string>) LightningColumns(string[] names)
    {
        var columns = new Dictionary<LogField, int>();
        var fromEpochColumn = new HashSet<LogField>();
        var ignored = new List<string>();
        for (int i = 0; i < names.Length; i++)
        {
            string name = names[i];
            if (name.Equals("epoch", StringComparison.OrdinalIgnoreCase) || name.Equals("step", StringComparison.OrdinalIgnoreCase)) continue;
            if (name.EndsWith("_step", StringComparison.OrdinalIgnoreCase)) continue;
            bool epochSuffix = name.EndsWith("_epoch", StringComparison.OrdinalIgnoreCase);
            LogField? field = LogColumns.CsvField(epochSuffix ? name[..^"_epoch".Length] : name);
            if (field is not { } f) { ignored.Add(name); continue; }
            if (!columns.ContainsKey(f) || (epochSuffix && !fromEpochColumn.Contains(f)))
            {
                if (columns.TryGetValue(f, out int replaced)) ignored.Add(names[replaced]);
                columns[f] = i;
                if (epochSuffix) fromEpochColumn.Add(f);
            }
            else ignored.Add(name);
        }
        return (columns, ignored);
    }

    /// <summary>Splits a CSV line at commas outside double quotes; cells are trimmed and unquoted ("" is a quote).</summary>
    internal static string[] SplitCsv(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { cells.Add(cell.ToString().Trim()); cell.Clear(); }
            else cell.Append(c);
        }
        cells.Add(cell.ToString().Trim());
        return cells.ToArray();
    }
}
