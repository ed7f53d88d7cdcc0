using System.Text;
using Riffle.Doctor.Audit;
using Xunit;

namespace Riffle.Tests.Doctor.Audit;

public class ContentHashTests
{
    // Byte i of the pattern is (7i + 3) mod 256.
    private static byte[] Pattern(int length) => Enumerable.Range(0, length).Select(i => (byte)((i * 7 + 3) % 256)).ToArray();

    // Reference values from xxhsum -H1 (xxHash 0.8.1), so every path of XXH64 is pinned: short input, the tail of
    // 4-byte and 1-byte steps, and the 32-byte stripes with the merge.
    [Theory]
    [InlineData(-1, "", 0xEF46DB3751D8E999UL)]
    [InlineData(-1, "abc", 0x44BC2CF5AD770999UL)]
    [InlineData(37, null, 0xE32EF63802F5A3FDUL)]
    [InlineData(784, null, 0xFB33F6832790BE06UL)]
    [InlineData(1000, null, 0x5F235FA033F1A3FBUL)]
    public void MatchesTheReferenceXxh64(int patternLength, string? text, ulong expected)
    {
        byte[] data = text is not null ? Encoding.ASCII.GetBytes(text) : Pattern(patternLength);
        Assert.Equal(expected, ContentHash.Of(data));
    }

    [Fact]
    public void OneBitChanged_ChangesTheHash()
    {
        byte[] a = Pattern(784), b = Pattern(784);
        b[400] ^= 1;
        Assert.NotEqual(ContentHash.Of(a), ContentHash.Of(b));
    }

    [Fact]
    public void Seed_ChangesTheHash() => Assert.NotEqual(ContentHash.Of(Pattern(100)), ContentHash.Of(Pattern(100), seed: 1));

    [Fact]
    public void EveryLengthUpTo100_HashesASliceLikeACopy()
    {
        // The hash reads through a ref without bounds checks: a slice in the middle of a larger buffer must hash as
        // its own copy, so no read may stray outside the span.
        byte[] big = Pattern(300);
        for (int length = 0; length <= 100; length++)
            Assert.Equal(ContentHash.Of(big.AsSpan(50, length).ToArray()), ContentHash.Of(big.AsSpan(50, length)));
    }
}
