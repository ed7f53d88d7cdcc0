using FsCheck.Xunit;
using Riffle.Data.Sampling;
using Xunit;

namespace Riffle.Tests.Data.Sampling;

public class SplitMix64Tests
{
    [Fact]
    public void Next_MatchesTheReferenceImplementation()
    {
        // Reference values: splitmix64.c (Vigna) seeded with 1234567.
        var g = new SplitMix64(1234567);
        Assert.Equal(6457827717110365317UL, g.Next());
        Assert.Equal(3203168211198807973UL, g.Next());
        Assert.Equal(9817491932198370423UL, g.Next());
        Assert.Equal(4593380528125082431UL, g.Next());
        Assert.Equal(16408922859458223821UL, g.Next());
    }

    [Property(MaxTest = 500)]
    public bool NextBelow_StaysInRange(ulong seed, int bound)
    {
        bound = (int)((uint)bound % 1000) + 1;
        var g = new SplitMix64(seed);
        return Enumerable.Range(0, 20).All(_ => g.NextBelow(bound) is var x && x >= 0 && x < bound);
    }

    [Fact]
    public void NextBelow_IsRoughlyUniform()
    {
        var g = new SplitMix64(7);
        var counts = new int[10];
        for (int i = 0; i < 100_000; i++) counts[g.NextBelow(10)]++;
        Assert.All(counts, c => Assert.InRange(c, 9_500, 10_500));
    }

    [Property(MaxTest = 500)]
    public bool Permutation_HoldsEveryIndexOnce(ulong seed, byte size)
    {
        int[] p = Permutation.Create(size, seed);
        return p.Order().SequenceEqual(Enumerable.Range(0, size));
    }
}
