using Riffle.Data;

namespace Riffle.Doctor.Logs;

/// <summary>
/// Reads a metrics log into an <see cref="EpochHistory"/>, recognising the format from its header: a CSV
/// header with a <c>step</c> column is Lightning's <c>metrics.csv</c>, another CSV header with <c>epoch</c> is
/// Keras's <c>CSVLogger</c>, anything else must be the story's table (which <c>riffle train</c>'s
/// <c>metrics.tsv</c> is). A file that cannot be read is an <see cref="IOException"/>; one that does not parse is a
/// <see cref="DataFormatException"/> naming the file, the line and the column.
/// </summary>
public static class MetricsLogReader
{
    public static MetricsLog Read(string path)
    {
        if (Directory.Exists(path))
            throw new IOException($"{path}: is a folder; pass the log file in it (for instance {Path.Combine(path, "metrics.tsv")} or metrics.csv)");
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path}: file not found; pass the path of a metrics log (metrics.tsv, a Keras or Lightning CSV)", path);
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"{path}: cannot be read ({e.Message})", e);
        }
        return Parse(path, lines);
    }

    /// <summary>Parses the lines of a log; <paramref name="path"/> only names it in errors and in the result.</summary>
    public static MetricsLog Parse(string path, IReadOnlyList<string> lines)
    {
        var log = new LogSource(path, lines);
        int header = 1;
        while (header <= lines.Count && string.IsNullOrWhiteSpace(lines[header - 1])) header++;
        if (header > lines.Count)
            throw new DataFormatException(path, $"the file is empty; expected a header such as '{LogColumns.TableHeader}'");

        MetricsLog result = lines[header - 1].Contains(',')
            ? CsvLogParser.Parse(log, header)
            : EpochTableParser.Parse(log, header);
        if (result.History.Epochs.Count == 0)
            throw log.Error(lines.Count, "no epoch rows with values after the header; expected at least one epoch");
        return result;
    }
}
