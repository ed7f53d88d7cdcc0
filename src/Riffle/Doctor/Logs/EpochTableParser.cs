using Riffle.Training;

namespace Riffle.Doctor.Logs;

/// <summary>
/// The story's table and <c>riffle train</c>'s <c>metrics.tsv</c>: a header of known column names, then one row
/// per epoch. A header with tabs is split at the tabs (names keep their inner space, "Train Loss"); one without
/// is split into words and two-word names are joined back. Data cells hold no spaces, so rows split at any run
/// of tabs and spaces: the story's stray spaces around tabs, and tables copied from a terminal, both read.
/// </summary>
internal static class EpochTableParser
{
    public static MetricsLog Parse(LogSource log, int headerLine)
    {
        string header = log.Lines[headerLine - 1];
        string[] names = header.Contains('\t')
            ? header.Split('\t').Select(c => c.Trim()).Where(c => c.Length > 0).ToArray()
            : JoinTwoWordNames(header.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var fields = new LogField[names.Length];
        for (int i = 0; i < names.Length; i++)
        {
            fields[i] = LogColumns.TableField(names[i])
                ?? throw log.Error(headerLine, i + 1, null,
                    $"'{LogSource.Shorten(names[i])}' is not a known column; expected a header like '{LogColumns.TableHeader}', " +
                    "a Keras CSVLogger header (epoch,accuracy,loss,val_accuracy,val_loss) or a Lightning metrics.csv header (epoch,step,...)");
            int earlier = Array.IndexOf(fields, fields[i], 0, i);
            if (earlier >= 0)
                throw log.Error(headerLine, i + 1, names[i], $"the same column as column {earlier + 1} ({names[earlier]}); each column may appear once");
        }
        if (fields.All(f => f is LogField.Epoch or LogField.Time))
            throw log.Error(headerLine, $"no metric columns; expected a header like '{LogColumns.TableHeader}'");

        var rows = new EpochRows();
        int epochColumn = Array.IndexOf(fields, LogField.Epoch);
        int rowNumber = 0;
        for (int line = headerLine + 1; line <= log.Lines.Count; line++)
        {
            string[] cells = log.Lines[line - 1].Split((char[]?)[' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (cells.Length == 0) continue;
            rowNumber++;
            if (cells.Length < names.Length)
                throw log.Error(line, cells.Length + 1, names[cells.Length],
                    $"missing: the row has {cells.Length} values but the header (line {headerLine}) has {names.Length} columns");
            if (cells.Length > names.Length)
                throw log.Error(line, names.Length + 1, null,
                    $"unexpected value '{LogSource.Shorten(cells[names.Length])}': the header (line {headerLine}) has {names.Length} columns");
            // Without an Epoch column, rows are epochs 1, 2, ... in order.
            int epoch = epochColumn >= 0 ? log.Epoch(cells[epochColumn], line, epochColumn + 1, names[epochColumn]) : rowNumber;
            for (int i = 0; i < cells.Length; i++)
                if (i != epochColumn) rows.Set(epoch, fields[i], log.Value(cells[i], line, i + 1, names[i], fields[i]));
        }

        var notes = new List<string>();
        EpochHistory history = rows.Build(shift: 0, notes);
        bool riffle = header == MetricsTable.Header;
        return new MetricsLog(log.Path, riffle ? MetricsLogFormat.RiffleMetrics : MetricsLogFormat.EpochTable, history, [], notes);
    }

    private static string[] JoinTwoWordNames(string[] words)
    {
        var names = new List<string>();
        for (int i = 0; i < words.Length; i++)
            names.Add(LogColumns.TwoWordStarts.Contains(words[i]) && i + 1 < words.Length ? $"{words[i]} {words[++i]}" : words[i]);
        return names.ToArray();
    }
}
