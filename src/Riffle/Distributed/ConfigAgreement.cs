using System.Security.Cryptography;
using System.Text;

namespace Riffle.Distributed;

/// <summary>
/// Checks at start that all ranks run the same configuration: each named setting is hashed to 63 bits, and the
/// minimum and maximum of every hash over the ranks (two all-reduces) must agree. Whatever differs is named.
/// </summary>
public static class ConfigAgreement
{
    public static void Check(IProcessGroup group, IReadOnlyList<(string Name, string Value)> settings)
    {
        if (group.WorldSize == 1) return;
        long[] min = settings.Select(s => Hash(s.Value)).ToArray();
        long[] max = (long[])min.Clone();
        group.AllReduce(min, ReduceOp.Min);
        group.AllReduce(max, ReduceOp.Max);
        var differing = settings.Where((_, i) => min[i] != max[i]).Select(s => s.Name).ToList();
        if (differing.Count > 0) throw new DistributedConfigException(differing);
    }

    /// <summary>A stable 63-bit digest (SHA-256's first 8 bytes) of a setting's text.</summary>
    public static long Hash(string value) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes(value)), 0) & long.MaxValue;
}
