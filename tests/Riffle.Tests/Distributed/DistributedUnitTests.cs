using FsCheck.Xunit;
using Riffle.Data.Sampling;
using Riffle.Distributed;
using TorchSharp;
using Xunit;

namespace Riffle.Tests.Distributed;

public class DistributedUnitTests
{
    [Fact]
    public void ConfigAgreement_NamesEverySettingThatDiffers()
    {
        (string, string)[] mine = [("seed", "1"), ("model", "mlp"), ("batch-size", "64")];
        long[] theirs = [ConfigAgreement.Hash("1"), ConfigAgreement.Hash("cnn"), ConfigAgreement.Hash("32")];

        var e = Assert.Throws<DistributedConfigException>(() => ConfigAgreement.Check(new FakeTwoRankGroup { Other = theirs }, mine));

        Assert.Equal(["model", "batch-size"], e.Differing);
        Assert.StartsWith("the ranks disagree on model, batch-size;", e.Message);
    }

    [Fact]
    public void ConfigAgreement_PassesWhenAllAgree()
    {
        (string, string)[] mine = [("seed", "1"), ("model", "mlp")];
        ConfigAgreement.Check(new FakeTwoRankGroup { Other = [ConfigAgreement.Hash("1"), ConfigAgreement.Hash("mlp")] }, mine);
    }

    [Fact]
    [Trait("Requires", "libtorch")]
    public void DataParallel_AveragesGradientsOverRanks_InOneBucket()
    {
        using var layer = torch.nn.Linear(3, 2);
        using (var loss = layer.forward(torch.ones(4, 3)).sum()) loss.backward();
        float[] mine = layer.parameters().SelectMany(p => p.grad!.data<float>().ToArray()).ToArray();
        var group = new FakeTwoRankGroup { OtherFloats = [10f] }; // the other rank's gradient is 10 everywhere

        var parallel = new DataParallel(group, layer.parameters());
        parallel.AverageGradients();

        float[] averaged = layer.parameters().SelectMany(p => p.grad!.data<float>().ToArray()).ToArray();
        Assert.Equal(1, parallel.BucketCount);
        Assert.Equal(1, group.Calls); // one all-reduce for all tensors
        Assert.Equal(mine.Select(g => (g + 10f) / 2), averaged);
    }

    [Property(MaxTest = 1000)]
    public void StridedSampler_VisitsEveryIndexOnceOverAllRanks(byte n, byte w0)
    {
        int w = w0 % 8 + 1;
        var all = Enumerable.Range(0, w).SelectMany(r => new StridedSampler(n, w, r).GetIndices(0)).ToArray();
        Assert.Equal(Enumerable.Range(0, n), all.Order());
    }
}
