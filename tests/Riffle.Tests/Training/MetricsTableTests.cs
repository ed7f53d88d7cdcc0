using Riffle.Training;
using Xunit;

namespace Riffle.Tests.Training;

public class MetricsTableTests
{
    [Fact]
    public void Format_WritesTheStorysHeaderAndFourDecimals()
    {
        var row = new EpochMetrics(7, 109.23, 0.00571, 0.83494, 0.0762, 0.1443, 0.0762, 0.1443, 0.0075);

        string text = MetricsTable.Format([row]);

        Assert.Equal(
            "Epoch\tTime\tTrain Loss\tTrain ACC\tVal Loss\tVal ACC\tTest Loss\tTest ACC\tLR\n" +
            "7\t109.2300\t0.0057\t0.8349\t0.0762\t0.1443\t0.0762\t0.1443\t0.0075\n",
            text);
    }
}
