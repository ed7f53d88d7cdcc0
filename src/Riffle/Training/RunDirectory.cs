using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Riffle.Training;

/// <summary>
/// The folder of one run: <c>config.json</c> (every setting and the seed) and <c>metrics.tsv</c> (the epoch table,
/// rewritten after each epoch). Every file is written to a temporary file and renamed, so a reader never sees
/// half a file.
/// </summary>
public sealed class RunDirectory
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    private RunDirectory(string path) => Path = path;

    public string Path { get; }
    public string MetricsPath => System.IO.Path.Combine(Path, "metrics.tsv");
    public string ConfigPath => System.IO.Path.Combine(Path, "config.json");
    public string LoaderPath => System.IO.Path.Combine(Path, "loader.tsv");
    public string FindingsPath => System.IO.Path.Combine(Path, "findings.json");

    /// <summary>Rewrites <c>findings.json</c> with the doctor's diagnosis so far.</summary>
    public void WriteFindings(Riffle.Doctor.Diagnosis diagnosis) => WriteAtomically(FindingsPath, Riffle.Doctor.DiagnosisJson.Format(diagnosis) + "\n");

    /// <summary>The default folder of a run started now: <c>runs/&lt;yyyyMMdd-HHmmss&gt;</c>.</summary>
    public static string DefaultPath(DateTime now) => System.IO.Path.Combine("runs", now.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Creates (or reuses) the folder; a clear <see cref="IOException"/> when it cannot be.</summary>
    public static RunDirectory Create(string path)
    {
        if (File.Exists(path))
            throw new IOException($"{path}: is a file, not a folder; pass --out with a folder path");
        try
        {
            Directory.CreateDirectory(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"{path}: cannot create the output folder ({e.Message}); pass --out with a writable folder", e);
        }
        return new RunDirectory(path);
    }

    public void WriteConfig(RunConfig config) => WriteAtomically(ConfigPath, JsonSerializer.Serialize(config, Json) + "\n");

    /// <summary>Rewrites <c>metrics.tsv</c> (the story's table) and <c>loader.tsv</c> (time spent waiting for data, per epoch).</summary>
    public void WriteMetrics(IReadOnlyList<EpochMetrics> rows)
    {
        WriteAtomically(MetricsPath, MetricsTable.Format(rows));
        var loader = new StringBuilder("Epoch\tTime\tData Wait\tWait Share\n");
        foreach (var m in rows)
            loader.Append(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{m.Epoch}\t{m.Time:F4}\t{m.DataWait:F4}\t{m.DataWait / Math.Max(m.Time, 1e-12):F4}\n"));
        WriteAtomically(LoaderPath, loader.ToString());
    }

    /// <summary>Writes through a temporary file in the same folder and a rename.</summary>
    public static void WriteAtomically(string path, string content)
    {
        string temp = path + ".tmp";
        File.WriteAllText(temp, content, new UTF8Encoding(false));
        File.Move(temp, path, overwrite: true);
    }
}
