using FsCheck.Xunit;
using Riffle.Training;
using Xunit;

namespace Riffle.Tests.Training;

public class StepLRTests
{
    [Fact]
    public void Defaults_GiveTheStorysSchedule()
    {
        StepLR schedule = new TrainOptions().Schedule;
        // Story: epochs 1-6 at 0.0100, epochs 7-8 at 0.0075 (0-based epochs 0-5 and 6-7).
        Assert.All(Enumerable.Range(0, 6), e => Assert.Equal(0.01, schedule.RateAt(e), 12));
        Assert.Equal(0.0075, schedule.RateAt(6), 12);
        Assert.Equal(0.0075, schedule.RateAt(7), 12);
        Assert.Equal(0.005625, schedule.RateAt(12), 12);
    }

    [Property(MaxTest = 500)]
    public bool Rate_IsBaseTimesGammaToTheNumberOfStepsDone(byte step0, byte epoch)
    {
        int step = step0 % 10 + 1;
        var s = new StepLR(0.1, step, 0.5);
        return Math.Abs(s.RateAt(epoch) - 0.1 * Math.Pow(0.5, epoch / step)) < 1e-15
            && (epoch % step != 0 || epoch == 0 || s.RateAt(epoch) < s.RateAt(epoch - 1))
            && (epoch % step == 0 || s.RateAt(epoch) == s.RateAt(epoch - 1));
    }
}
