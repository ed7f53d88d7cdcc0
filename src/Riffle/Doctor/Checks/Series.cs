using System.Globalization;

namespace Riffle.Doctor.Checks;

/// <summary>One finite value of a column, with its epoch.</summary>
internal readonly record struct EpochValue(int Epoch, double Value);

/// <summary>Column access and number formatting shared by the checks.</summary>
internal static class Series
{
    /// <summary>The finite values of a column, in epoch order (missing and NaN/inf values left out).</summary>
    public static EpochValue[] Finite(EpochHistory history, Func<EpochRecord, double?> column) =>
        history.Epochs
            .Where(e => column(e) is { } v && double.IsFinite(v))
            .Select(e => new EpochValue(e.Epoch, column(e)!.Value))
            .ToArray();

    /// <summary>True when some epoch has a value (finite or not) in the column.</summary>
    public static bool Has(EpochHistory history, Func<EpochRecord, double?> column) => history.Epochs.Any(e => column(e) is not null);

    /// <summary>A metric as the story's table prints it: four decimals.</summary>
    public static string F(double value) => value.ToString("F4", CultureInfo.InvariantCulture);

    /// <summary>A range of epochs: "epoch 3" or "epochs 1-8".</summary>
    public static string Epochs(int first, int last) => first == last ? $"epoch {first}" : $"epochs {first}-{last}";

    /// <summary>Numbers for <see cref="Finding.Numbers"/>: six decimals, enough for four-decimal logs, without float noise.</summary>
    public static double N(double value) => double.IsFinite(value) ? Math.Round(value, 6) : value;

    public static string Missing(string column) => $"needs {column}, which the history does not have";
}
