using Riffle.Data;
using Riffle.Doctor;
using Riffle.Doctor.Logs;
using Riffle.Training;
using Xunit;

namespace Riffle.Tests.Doctor.Logs;

public class MetricsLogReaderTests
{
    private static MetricsLog Parse(string text) => MetricsLogReader.Parse("log", text.ReplaceLineEndings("\n").Split('\n'));

    private static string ParseError(string text) => Assert.Throws<DataFormatException>(() => Parse(text)).Message;

    [Fact]
    public void StoryTable_WithStraySpacesAroundTabs_ReadsAsTheStorysNumbers()
    {
        MetricsLog log = MetricsLogReader.Read(Histories.StoryLogPath);

        Assert.Equal(MetricsLogFormat.EpochTable, log.Format);
        Assert.Equal(Histories.Story().Epochs, log.History.Epochs.Select(e => e with { Time = null }));
        Assert.Equal(197.8234, log.History.Epochs[0].Time);
        Assert.Empty(log.Notes);
    }

    [Fact]
    public void RifflesMetricsTsv_IsRecognisedAndReadExactly()
    {
        EpochMetrics[] rows = [new(1, 5.5, 0.61, 0.78, 0.5, 0.81, 0.52, 0.8, 0.01), new(2, 5.4, 0.42, 0.85, 0.45, 0.84, 0.47, 0.83, 0.01)];

        MetricsLog log = Parse(MetricsTable.Format(rows));

        Assert.Equal(MetricsLogFormat.RiffleMetrics, log.Format);
        Assert.Equal("riffle metrics.tsv", log.FormatName);
        Assert.Equal(EpochHistory.From(rows).Epochs, log.History.Epochs);
    }

    [Fact]
    public void SpaceAlignedTable_FromATerminal_ReadsToo()
    {
        MetricsLog log = Parse("""
               Epoch      Train Loss  Train ACC  Val Loss  Val ACC  LR
                   1          0.6100     0.7800    0.5000   0.8100  0.0100
                   2          0.4200     0.8500    0.4500   0.8400  0.0100
            """);

        Assert.Equal(MetricsLogFormat.EpochTable, log.Format);
        Assert.Equal(0.84, log.History.Epochs[1].ValAcc);
        Assert.Null(log.History.Epochs[1].TestAcc);
    }

    [Fact]
    public void TableWithoutEpochColumn_NumbersRowsFrom1()
        => Assert.Equal([1, 2], Parse("Train Loss\tVal Loss\n0.5\t0.6\n0.4\t0.5\n").History.Epochs.Select(e => e.Epoch));

    [Fact]
    public void Keras_ShiftsEpochsTo1Based_ReadsNaAndNan_ReportsOtherColumns()
    {
        MetricsLog log = Parse("""
            epoch,accuracy,auc,loss,lr,val_accuracy,val_loss
            0,0.71,0.9,0.83,0.001,0.80,0.61
            1,0.82,0.95,nan,0.001,NA,0.52
            """);

        Assert.Equal(MetricsLogFormat.KerasCsv, log.Format);
        Assert.Equal([1, 2], log.History.Epochs.Select(e => e.Epoch));
        EpochRecord second = log.History.Epochs[1];
        Assert.Equal(0.82, second.TrainAcc);
        Assert.True(double.IsNaN(second.TrainLoss!.Value));
        Assert.Null(second.ValAcc);
        Assert.Equal(0.001, second.LearningRate);
        Assert.Equal(["auc"], log.IgnoredColumns);
        Assert.Contains("epochs renumbered from 1 (the log counts from 0)", log.Notes);
    }

    [Fact]
    public void KerasOldNames_AccAndValAcc()
    {
        EpochRecord e = Parse("epoch,acc,loss,val_acc,val_loss\n0,0.5,1.2,0.55,1.1\n").History.Epochs[0];
        Assert.Equal((0.5, 1.2, 0.55, 1.1), (e.TrainAcc, e.TrainLoss, e.ValAcc, e.ValLoss));
    }

    [Fact]
    public void Keras_ResumedRunAppendingAnEpochAgain_KeepsTheLaterRow()
    {
        var epochs = Parse("epoch,loss\n0,1.0\n1,0.8\n1,0.7\n2,0.6\n").History.Epochs;
        Assert.Equal([1.0, 0.7, 0.6], epochs.Select(e => e.TrainLoss!.Value));
    }

    // Lightning 2.x CSVLogger with self.log("train_loss", on_step=True, on_epoch=True), train_acc per epoch,
    // val_loss/val_acc, LearningRateMonitor(logging_interval="epoch") (rows without an epoch), and a final trainer.test().
    private const string Lightning = """
        epoch,lr-SGD,lr-SGD-momentum,step,test_acc,train_acc,train_loss_epoch,train_loss_step,val_acc,val_loss
        ,0.1,0.9,0,,,,,,
        0,,,49,,,,0.612,,
        0,,,99,,,,0.455,,
        0,,,99,,,,,0.81,0.52
        0,,,99,,0.78,0.634,,,
        ,0.05,0.9,100,,,,,,
        1,,,149,,,,0.401,,
        1,,,199,,,,0.382,,
        1,,,199,,,,,0.85,0.43
        1,,,199,,0.86,0.398,,,
        1,,,200,0.84,,,,,
        """;

    [Fact]
    public void Lightning_MergesSparseRowsByEpoch_PrefersEpochColumns_IgnoresSteps()
    {
        MetricsLog log = Parse(Lightning);

        Assert.Equal(MetricsLogFormat.LightningCsv, log.Format);
        Assert.Equal(
            [
                new EpochRecord(1) { TrainLoss = 0.634, TrainAcc = 0.78, ValLoss = 0.52, ValAcc = 0.81, LearningRate = 0.1 },
                new EpochRecord(2) { TrainLoss = 0.398, TrainAcc = 0.86, ValLoss = 0.43, ValAcc = 0.85, TestAcc = 0.84, LearningRate = 0.05 },
            ],
            log.History.Epochs);
        Assert.Equal(["lr-SGD-momentum"], log.IgnoredColumns);
        Assert.Contains(log.Notes, n => n.Contains("per-step columns"));
    }

    [Fact]
    public void Lightning_PlainColumnLosesToItsEpochTwin()
    {
        MetricsLog log = Parse("epoch,step,train_loss,train_loss_epoch\n0,9,0.9,0.7\n");
        Assert.Equal(0.7, log.History.Epochs[0].TrainLoss);
        Assert.Equal(["train_loss"], log.IgnoredColumns);
    }

    [Fact]
    public void Lightning_SlashNames_AreReadLikeUnderscores()
        => Assert.Equal(0.9, Parse("epoch,step,val/acc\n0,9,0.9\n").History.Epochs[0].ValAcc);

    [Fact]
    public void Percentages_AreScaledToFractions()
    {
        MetricsLog log = Parse("Epoch\tTrain ACC\tVal ACC\n1\t86.45\t14.43\n2\t0.5\t14.43\n");
        Assert.Equal(0.8645, log.History.Epochs[0].TrainAcc!.Value, 12);
        Assert.Equal(0.005, log.History.Epochs[1].TrainAcc!.Value, 12);
        Assert.Contains(log.Notes, n => n.Contains("percentages"));
    }

    public static TheoryData<string, string, string> Garbled() => new()
    {
        { "unknown-column", "Epoch\tTime\tTrian Loss\n1\t2\t3\n", "log: line 1, column 3: 'Trian Loss' is not a known column" },
        { "duplicate-column", "Epoch\tVal ACC\tVal Accuracy\n", "log: line 1, column 3 (Val Accuracy): the same column as column 2 (Val ACC)" },
        { "no-metric", "Epoch\tTime\n1\t2\n", "log: line 1: no metric columns" },
        { "short-row", "Epoch\tTrain Loss\tLR\n1\t0.5\t0.1\n\n2\t0.4\n", "log: line 4, column 3 (LR): missing: the row has 2 values but the header (line 1) has 3 columns" },
        { "long-row", "Epoch\tTrain Loss\n1\t0.5\t0.1\n", "log: line 2, column 3: unexpected value '0.1': the header (line 1) has 2 columns" },
        { "not-a-number", "Epoch\tVal ACC\n1\t0.1443\n2\t0,1443\n", "log: line 3, column 2 (Val ACC): '0,1443' is not a number" },
        { "bad-epoch", "Epoch\tVal ACC\n1.5\t0.1\n", "log: line 2, column 1 (Epoch): '1.5' is not an epoch number" },
        { "bad-accuracy", "epoch,accuracy\n0,120\n", "log: line 2, column 2 (accuracy): 120 is not an accuracy" },
        { "empty", "\n\n", "log: the file is empty" },
        { "header-only", "Epoch\tVal ACC\n", "log: line 2: no epoch rows" },
        { "csv-without-epoch", "step,loss\n1,2\n", "log: line 1, column 1: 'step' starts a CSV header without an epoch column" },
        { "csv-no-metric", "epoch,auc\n0,0.9\n", "log: line 1: none of the columns is a metric the doctor reads" },
        { "csv-short-row", "epoch,loss,val_loss\n0,0.5,0.6\n1,0.4\n", "log: line 3, column 3 (val_loss): missing" },
        { "keras-no-epoch", "epoch,loss\n,0.5\n", "log: line 2, column 1 (epoch): missing; every Keras row has an epoch" },
        { "binary", "\u0001\u0002PK\u0003garbage\n", "log: line 1, column 1: '??PK?garbage' is not a known column" },
    };

    [Theory]
    [MemberData(nameof(Garbled))]
    public void GarbledLog_NamesTheFileLineAndColumn(string fault, string text, string expected)
    {
        string message = ParseError(text);
        Assert.True(message.StartsWith(expected, StringComparison.Ordinal), $"{fault}: {message}");
        Assert.DoesNotContain('\n', message);
    }

    [Fact]
    public void MissingFile_AndFolder_AreIOErrorsNamingThePath()
    {
        string dir = TestData.TempDir();
        try
        {
            string missing = Path.Combine(dir, "metrics.tsv");
            Assert.StartsWith($"{missing}: file not found", Assert.Throws<FileNotFoundException>(() => MetricsLogReader.Read(missing)).Message);
            Assert.StartsWith($"{dir}: is a folder", Assert.Throws<IOException>(() => MetricsLogReader.Read(dir)).Message);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }
}
