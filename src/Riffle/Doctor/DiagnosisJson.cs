using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Riffle.Doctor;

/// <summary>
/// A <see cref="Diagnosis"/> as JSON, the shape scripts rely on:
/// <c>{"causes":[{"id","score","findings":[ids]}],"findings":[{"id","severity","title","evidence","fix"[,"epoch"][,"numbers"]}],"notRun":[{"check","reason"}]}</c>,
/// causes best first. Written by hand with <see cref="Utf8JsonWriter"/> so the order of the keys is fixed, optional
/// keys are left out rather than null, and NaN or infinite numbers (a NaN loss) become the strings "NaN",
/// "Infinity", "-Infinity" instead of invalid JSON.
/// </summary>
public static class DiagnosisJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // The output goes to terminals and files, not HTML: keep quotes and apostrophes ("class's") readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The JSON text, indented, ending with a newline.</summary>
    public static string Format(Diagnosis diagnosis)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteStartArray("causes");
            foreach (Cause cause in diagnosis.Causes)
            {
                json.WriteStartObject();
                json.WriteString("id", cause.Id);
                json.WriteNumber("score", cause.Score);
                json.WriteStartArray("findings");
                foreach (Finding f in cause.Findings) json.WriteStringValue(f.Id);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();

            json.WriteStartArray("findings");
            foreach (Finding f in diagnosis.Findings)
            {
                json.WriteStartObject();
                json.WriteString("id", f.Id);
                json.WriteString("severity", f.Severity.ToName());
                json.WriteString("title", f.Title);
                json.WriteString("evidence", f.Evidence);
                json.WriteString("fix", f.Fix);
                if (f.Epoch is { } epoch) json.WriteNumber("epoch", epoch);
                if (f.Numbers is { Count: > 0 } numbers)
                {
                    json.WriteStartObject("numbers");
                    foreach (var (name, value) in numbers)
                    {
                        json.WritePropertyName(name);
                        WriteNumber(json, value);
                    }
                    json.WriteEndObject();
                }
                json.WriteEndObject();
            }
            json.WriteEndArray();

            json.WriteStartArray("notRun");
            foreach (CheckNotRun n in diagnosis.NotRun)
            {
                json.WriteStartObject();
                json.WriteString("check", n.Check);
                json.WriteString("reason", n.Reason);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteNumber(Utf8JsonWriter json, double value)
    {
        if (double.IsNaN(value)) json.WriteStringValue("NaN");
        else if (double.IsPositiveInfinity(value)) json.WriteStringValue("Infinity");
        else if (double.IsNegativeInfinity(value)) json.WriteStringValue("-Infinity");
        else json.WriteNumberValue(value);
    }
}
