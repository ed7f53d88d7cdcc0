using Riffle.Data;

namespace Riffle.Doctor.Audit;

/// <summary>
/// <c>split-leakage</c> (info, warning, error by size): byte-identical samples in train and val, train and test, or val
/// and test, found by a 64-bit content hash of the pixels (<see cref="ContentHash"/>) and confirmed byte for byte.
/// Exact copies only: a resized or re-encoded copy is not caught.
/// </summary>
public static class SplitLeakageCheck
{
    /// <summary>
    /// Share of a held-out split that makes a warning: from one sample in a thousand, copies can move a reported
    /// accuracy by a tenth of a point. Below it the finding is info (a few stray duplicates, often blank images).
    /// </summary>
    public const double WarningShare = 0.001;

    /// <summary>Share that makes an error: from one in a hundred, a reported accuracy can be a point or more too high.</summary>
    public const double ErrorShare = 0.01;

    /// <summary>Pairs of indices quoted as examples.</summary>
    public const int Examples = 3;

    internal sealed record Split(string Name, IImageDataset Data, ulong[] Hashes);

    /// <summary>The content hash of every sample.</summary>
    internal static ulong[] Hash(IImageDataset data)
    {
        var hashes = new ulong[data.Count];
        if (data is Subset subset && SourceOrder(subset.Indices) is { } order)
        {
            // A subset in another order than its source (a class-sorted training split) would jump around the source's
            // pixels; reading them front to back instead is twice as fast on 54,000 images.
            foreach (int i in order) hashes[i] = ContentHash.Of(data.GetPixels(i));
            return hashes;
        }
        for (int i = 0; i < hashes.Length; i++) hashes[i] = ContentHash.Of(data.GetPixels(i));
        return hashes;
    }

    /// <summary>The subset's positions ordered by their source index; null when the subset already is (or repeats an index).</summary>
    private static int[]? SourceOrder(IReadOnlyList<int> indices)
    {
        int max = -1;
        bool ascending = true;
        for (int i = 0; i < indices.Count; i++)
        {
            if (indices[i] < max) ascending = false;
            max = Math.Max(max, indices[i]);
        }
        if (ascending) return null;
        var positionOf = new int[max + 1]; // position + 1; 0 where the source sample is not in the subset
        for (int i = 0; i < indices.Count; i++)
        {
            if (positionOf[indices[i]] != 0) return null; // a repeated index: keep the subset's own order
            positionOf[indices[i]] = i + 1;
        }
        var order = new int[indices.Count];
        int next = 0;
        foreach (int position in positionOf)
            if (position != 0) order[next++] = position - 1;
        return order;
    }

    /// <summary>The samples of <paramref name="second"/> that also occur in <paramref name="first"/> (whose hashes <paramref name="index"/> holds).</summary>
    internal static SplitOverlap Compare(Split first, ContentIndex index, Split second)
    {
        if (first.Data.Shape != second.Data.Shape || first.Data.Count == 0 || second.Data.Count == 0)
            return new SplitOverlap(first.Name, second.Name, 0, second.Data.Count, 0, []);
        // The first sample with each hash. A collision between different images hides at most a duplicate of the
        // second one (about 1 in 10^10 at these sizes); it can never report a false one: the bytes are compared.
        int shared = 0, differentLabel = 0;
        var examples = new List<(int, int)>();
        ReadOnlySpan<int> firstLabels = first.Data.Labels, secondLabels = second.Data.Labels;
        for (int j = 0; j < second.Hashes.Length; j++)
        {
            int i = index.Find(second.Hashes[j]);
            if (i < 0 || !first.Data.GetPixels(i).SequenceEqual(second.Data.GetPixels(j))) continue;
            shared++;
            if (firstLabels[i] != secondLabels[j]) differentLabel++;
            if (examples.Count < Examples) examples.Add((i, j));
        }
        return new SplitOverlap(first.Name, second.Name, shared, second.Data.Count, differentLabel, examples);
    }

    internal static Finding? Run(IReadOnlyList<SplitOverlap> overlaps)
    {
        bool any = false;
        foreach (SplitOverlap o in overlaps) any |= o.Shared > 0;
        return any ? Describe(overlaps) : null;
    }

    // The finding's text, apart from the decision: compiled only when there is something to say.
    private static Finding Describe(IReadOnlyList<SplitOverlap> overlaps)
    {
        SplitOverlap[] leaking = overlaps.Where(o => o.Shared > 0).ToArray();
        SplitOverlap worst = leaking.MaxBy(o => o.Share)!;
        Severity severity = worst.Share >= ErrorShare ? Severity.Error : worst.Share >= WarningShare ? Severity.Warning : Severity.Info;
        string title = $"{AuditText.N(worst.Shared)} {Noun(worst.Second)} sample{(worst.Shared == 1 ? " is" : "s are")} byte-identical to {Noun(worst.First)} samples";
        string evidence = string.Join("; ", overlaps.Select(o =>
            $"{o.First}/{o.Second}: {AuditText.N(o.Shared)} of {AuditText.N(o.SecondCount)} {Noun(o.Second)} samples ({AuditText.Percent(o.Share)})" +
            (o.Shared == 0 ? "" :
                (o.DifferentLabel > 0 ? $", {AuditText.N(o.DifferentLabel)} with another label" : "") +
                ", e.g. " + string.Join(", ", o.Examples.Select(e => $"{o.Second} #{e.Second} = {o.First} #{e.First}")))));
        var numbers = new Dictionary<string, double>();
        foreach (SplitOverlap o in overlaps) numbers[$"{o.First}{Capital(o.Second)}Shared"] = o.Shared;
        numbers["worstShare"] = Math.Round(worst.Share, 6);
        return new Finding(
            AuditFindingIds.SplitLeakage, severity, title, evidence,
            "Remove the copies from the held-out split (or deduplicate before splitting, by content hash); check that the test " +
            "set is not also read as training data and that the validation split is cut before augmentation or oversampling")
        {
            Numbers = numbers,
        };
    }

    private static string Noun(string split) => split switch
    {
        "train" => "training",
        "val" => "validation",
        _ => split,
    };

    private static string Capital(string s) => char.ToUpperInvariant(s[0]) + s[1..];
}
