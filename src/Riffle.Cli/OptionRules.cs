using System.CommandLine;
using System.Globalization;

namespace Riffle.Cli;

/// <summary>Range checks for options. A value that did not parse already has its own error and is not checked again.</summary>
internal static class OptionRules
{
    public static Option<int> Positive(this Option<int> option) => option.Require(v => v >= 1, "must be at least 1");

    public static Option<int> NonNegative(this Option<int> option) => option.Require(v => v >= 0, "must be at least 0");

    public static Option<T> Require<T>(this Option<T> option, Func<T, bool> valid, string rule)
    {
        option.Validators.Add(result =>
        {
            T value;
            try { value = result.GetValueOrDefault<T>(); }
            catch (InvalidOperationException) { return; }
            if (!valid(value)) result.AddError(string.Create(CultureInfo.InvariantCulture, $"{option.Name} {rule}, but got {value}"));
        });
        return option;
    }
}
