using Riffle.Data;
using Riffle.Data.Transforms;
using Xunit;

namespace Riffle.Tests.Data.Transforms;

public class NormalizeTests
{
    [Fact]
    public void Apply_ComputesPixelOver255MinusMeanOverStd()
    {
        var normalize = new Normalize(0.5f, 0.25f);
        var output = new float[3];

        normalize.Apply([0, 255, 51], new ImageShape(1, 1, 3), output, sampleIndex: 0, epoch: 0);

        Assert.Equal(-2f, output[0], 5);
        Assert.Equal(2f, output[1], 5);
        Assert.Equal((0.2f - 0.5f) / 0.25f, output[2], 5);
    }

    [Fact]
    public void NonPositiveStd_IsRejected()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Normalize(0, 0));
        Assert.StartsWith("std must be positive, but got std=0", e.Message);
    }
}
