using Riffle.Data;
using Riffle.Data.Sampling;
using Riffle.Data.Transforms;
using Xunit;

namespace Riffle.Tests.Data.Transforms;

public class AugmentationTests
{
    private static readonly ImageShape Shape = new(1, 3, 3);
    private static readonly byte[] Image = [1, 2, 3, 4, 5, 6, 7, 8, 9];

    [Fact]
    public void RandomCrop_WithoutPadding_OfFullSize_IsIdentity()
    {
        var output = new byte[9];
        var rng = new SplitMix64(1);
        new RandomCrop(3, 0).Apply(Image, Shape, output, ref rng);
        Assert.Equal(Image, output);
    }

    [Fact]
    public void RandomCrop_WithPadding_ShiftsInZerosAndKeepsTheRest()
    {
        // Every window of a 3x3 image padded by 1 is the image shifted by (dy, dx) in [-1, 1]^2.
        var seen = new HashSet<string>();
        for (ulong seed = 0; seed < 200; seed++)
        {
            var output = new byte[9];
            var rng = new SplitMix64(seed);
            new RandomCrop(3, 1).Apply(Image, Shape, output, ref rng);
            bool matched = false;
            for (int dy = -1; dy <= 1; dy++)
                for (int dx = -1; dx <= 1; dx++)
                {
                    var shifted = new byte[9];
                    for (int y = 0; y < 3; y++)
                        for (int x = 0; x < 3; x++)
                        {
                            int sy = y + dy, sx = x + dx;
                            shifted[y * 3 + x] = sy is >= 0 and < 3 && sx is >= 0 and < 3 ? Image[sy * 3 + sx] : (byte)0;
                        }
                    if (shifted.SequenceEqual(output)) { matched = true; seen.Add($"{dy},{dx}"); }
                }
            Assert.True(matched, string.Join(",", output));
        }
        Assert.Equal(9, seen.Count); // all nine offsets occur
    }

    [Fact]
    public void RandomHorizontalFlip_Always_MirrorsEachRow()
    {
        var output = new byte[9];
        var rng = new SplitMix64(1);
        new RandomHorizontalFlip(1).Apply(Image, Shape, output, ref rng);
        Assert.Equal(new byte[] { 3, 2, 1, 6, 5, 4, 9, 8, 7 }, output);
    }

    [Fact]
    public void Compose_IsKeyedOnSeedEpochAndSample_NotOnCallOrder()
    {
        var shape = new ImageShape(1, 28, 28);
        byte[] image = Enumerable.Range(0, 784).Select(i => (byte)(i * 13)).ToArray();
        var compose = Compose.StandardAugmentation(seed: 5, shape, Normalize.FashionMnist);
        float[] Run(int index, int epoch) { var o = new float[784]; compose.Apply(image, shape, o, index, epoch); return o; }

        float[] first = Run(7, 2);
        _ = Run(8, 2); // another sample in between changes nothing
        Assert.Equal(first, Run(7, 2));
        var outputs = Enumerable.Range(0, 20).Select(e => Run(7, e)).ToList();
        Assert.True(outputs.Select(o => string.Join(",", o)).Distinct().Count() > 5, "augmentation must differ across epochs");
    }
}
