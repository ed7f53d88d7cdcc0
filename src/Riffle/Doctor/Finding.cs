namespace Riffle.Doctor;

/// <summary>
/// One thing a check noticed. <see cref="Id"/> is stable kebab-case and is API (see <see cref="FindingIds"/>);
/// <see cref="Title"/> is one line; <see cref="Evidence"/> says it in numbers, and <see cref="Numbers"/> holds the
/// same numbers by name for programs; <see cref="Fix"/> says what to try.
/// </summary>
/// <param name="Id">Stable kebab-case id, e.g. <c>val-at-class-prior</c>.</param>
/// <param name="Severity">How bad it is.</param>
/// <param name="Title">One line, no trailing period.</param>
/// <param name="Evidence">The numbers that triggered it, as a sentence.</param>
/// <param name="Fix">What to check or change.</param>
public sealed record Finding(string Id, Severity Severity, string Title, string Evidence, string Fix)
{
    /// <summary>The (1-based) epoch where it shows first, when it is tied to one.</summary>
    public int? Epoch { get; init; }

    /// <summary>The evidence as named numbers (camelCase names), in the order they were added; null when there are none.</summary>
    public IReadOnlyDictionary<string, double>? Numbers { get; init; }
}
