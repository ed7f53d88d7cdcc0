using System.Globalization;
using Riffle.Data;

namespace Riffle.Doctor.Logs;

/// <summary>The lines of a log being read, and the errors and values that name where in it they come from.</summary>
internal sealed class LogSource(string path, IReadOnlyList<string> lines)
{
    public string Path { get; } = path;
    public IReadOnlyList<string> Lines { get; } = lines;

    public DataFormatException Error(int line, string problem) => new(Path, $"line {line}: {problem}");

    public DataFormatException Error(int line, int column, string? name, string problem) =>
        new(Path, $"line {line}, column {column}{(string.IsNullOrEmpty(name) ? "" : $" ({name})")}: {problem}");

    /// <summary>Empty cells and the usual spellings of "no value" (Keras writes NA, Lightning leaves the cell empty).</summary>
    public static bool IsMissing(string cell) => cell is "" or "NA" or "N/A" or "n/a" or "-" or "None" or "null";

    /// <summary>
    /// A metric cell: null when missing, else a number (Python's nan and inf included). Accuracies must be in
    /// [0, 100]: fractions, or percentages that <see cref="EpochRows"/> scales down.
    /// </summary>
    public double? Value(string cell, int line, int column, string name, LogField field)
    {
        if (IsMissing(cell)) return null;
        if (!TryNumber(cell, out double value))
            throw Error(line, column, name, $"'{Shorten(cell)}' is not a number; expected a decimal such as 0.1443 (or nan, inf, or empty)");
        if (LogColumns.IsAccuracy(field) && value is < 0 or > 100)
            throw Error(line, column, name, $"{cell} is not an accuracy; expected a fraction in [0, 1] or a percentage in [0, 100]");
        return value;
    }

    /// <summary>An epoch cell: a whole number, at least 0.</summary>
    public int Epoch(string cell, int line, int column, string name)
    {
        if (!TryNumber(cell, out double value) || !double.IsFinite(value) || value < 0 || value > int.MaxValue || value != Math.Floor(value))
            throw Error(line, column, name, $"'{Shorten(cell)}' is not an epoch number; expected a whole number such as 1");
        return (int)value;
    }

    private static bool TryNumber(string cell, out double value)
    {
        switch (cell.ToLowerInvariant())
        {
            case "nan" or "+nan" or "-nan": value = double.NaN; return true;
            case "inf" or "+inf" or "infinity" or "+infinity": value = double.PositiveInfinity; return true;
            case "-inf" or "-infinity": value = double.NegativeInfinity; return true;
        }
        return double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>A cell as quoted in an error: a garbled file can have very long or binary "cells".</summary>
    public static string Shorten(string cell)
    {
        string printable = new(cell.Select(c => char.IsControl(c) ? '?' : c).ToArray());
        return printable.Length <= 40 ? printable : printable[..37] + "...";
    }
}
