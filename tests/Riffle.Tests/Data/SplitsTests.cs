using FsCheck.Xunit;
using Riffle.Data;
using Xunit;

namespace Riffle.Tests.Data;

public class SplitsTests
{
    private static int[] Labels(byte[] raw, int classes) => raw.Select(b => b % classes).ToArray();

    [Property(MaxTest = 500)]
    public void Stratified_HoldsOutRoundedShareOfEveryClass_DisjointAndInOrder(byte[] raw, long seed)
    {
        int[] labels = Labels(raw, 4);
        var (keep, held) = Splits.Stratified(labels, 4, 0.25, seed);

        Assert.Equal(Enumerable.Range(0, labels.Length), keep.Concat(held).Order());
        Assert.True(keep.SequenceEqual(keep.Order()) && held.SequenceEqual(held.Order()));
        for (int c = 0; c < 4; c++)
        {
            int n = labels.Count(l => l == c);
            Assert.Equal((int)Math.Round(n * 0.25, MidpointRounding.AwayFromZero), held.Count(i => labels[i] == c));
        }
    }

    [Fact]
    public void Stratified_IsFixedBySeed()
    {
        int[] labels = Enumerable.Range(0, 1000).Select(i => i % 10).ToArray();
        Assert.Equal(Splits.Stratified(labels, 10, 0.1, 5).Held, Splits.Stratified(labels, 10, 0.1, 5).Held);
        Assert.NotEqual(Splits.Stratified(labels, 10, 0.1, 5).Held, Splits.Stratified(labels, 10, 0.1, 6).Held);
    }

    [Property(MaxTest = 500)]
    public void OrderByLabel_SortsStably(byte[] raw)
    {
        int[] labels = Labels(raw, 10);
        int[] order = Splits.OrderByLabel(labels);
        var expected = Enumerable.Range(0, labels.Length).OrderBy(i => labels[i]).ThenBy(i => i);
        Assert.Equal(expected, order);
    }
}
