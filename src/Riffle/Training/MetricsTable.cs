using System.Globalization;
using System.Text;

namespace Riffle.Training;

/// <summary>The epoch table as text: the story's header, tab-separated, four decimals.</summary>
public static class MetricsTable
{
    public const string Header = "Epoch\tTime\tTrain Loss\tTrain ACC\tVal Loss\tVal ACC\tTest Loss\tTest ACC\tLR";

    public static string Row(EpochMetrics m) => string.Join('\t',
        m.Epoch.ToString(CultureInfo.InvariantCulture),
        F(m.Time), F(m.TrainLoss), F(m.TrainAcc), F(m.ValLoss), F(m.ValAcc), F(m.TestLoss), F(m.TestAcc), F(m.LearningRate));

    public static string Format(IEnumerable<EpochMetrics> rows)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var row in rows) text.Append(Row(row)).Append('\n');
        return text.ToString();
    }

    private static string F(double value) => value.ToString("F4", CultureInfo.InvariantCulture);
}
