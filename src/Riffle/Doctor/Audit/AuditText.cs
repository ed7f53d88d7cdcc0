using System.Globalization;

namespace Riffle.Doctor.Audit;

/// <summary>Number formatting for the audit's evidence: invariant culture, thousands separated, as people read them.</summary>
internal static class AuditText
{
    public static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string F(double value, int decimals = 2) => value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>A share as a percentage, to two significant digits under 10%: "0.01%", "0.36%", "4.3%", "87%".</summary>
    public static string Percent(double share)
    {
        double p = share * 100;
        string format = p == 0 || p >= 10 ? "0" : p >= 1 ? "0.#" : "0.##";
        return p.ToString(format, CultureInfo.InvariantCulture) + "%";
    }

    public static string Plural(long count, string one, string many) => $"{N(count)} {(count == 1 ? one : many)}";

    /// <summary>A list of class names, shortened past <paramref name="max"/>: "Bag, Sandal and 3 more".</summary>
    public static string Classes(IEnumerable<int> classes, IReadOnlyList<string> names, int max = 4)
    {
        string[] all = classes.Select(c => c < names.Count ? names[c] : c.ToString(CultureInfo.InvariantCulture)).ToArray();
        return all.Length <= max ? string.Join(", ", all) : $"{string.Join(", ", all[..max])} and {all.Length - max} more";
    }
}
