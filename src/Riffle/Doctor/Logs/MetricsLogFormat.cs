namespace Riffle.Doctor.Logs;

/// <summary>The kinds of metrics log <see cref="MetricsLogReader"/> recognises.</summary>
public enum MetricsLogFormat
{
    /// <summary>The story's table: its nine headers (or some of them), tab and/or space separated.</summary>
    EpochTable,

    /// <summary><c>riffle train</c>'s <c>metrics.tsv</c>: the same nine headers, exactly tab separated.</summary>
    RiffleMetrics,

    /// <summary>Keras <c>CSVLogger</c>: <c>epoch,accuracy,loss,val_accuracy,val_loss[,lr]</c>, epochs from 0.</summary>
    KerasCsv,

    /// <summary>PyTorch Lightning <c>CSVLogger</c>'s <c>metrics.csv</c>: sparse rows per step and per epoch, epochs from 0.</summary>
    LightningCsv,
}
