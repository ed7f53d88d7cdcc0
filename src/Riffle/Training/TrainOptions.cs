using Riffle.Data;

namespace Riffle.Training;

/// <summary>Every setting of a training run. The defaults reproduce the story's schedule (0.01, then 0.0075 from epoch 7).</summary>
public sealed record TrainOptions
{
    /// <summary>An IDX folder; null trains on the embedded Fashion-MNIST subset.</summary>
    public string? Data { get; init; }
    public string Model { get; init; } = "cnn";
    public int Epochs { get; init; } = 8;
    public int BatchSize { get; init; } = 128;
    public double LearningRate { get; init; } = 0.01;
    public double Momentum { get; init; } = 0.9;
    public int LrStep { get; init; } = 6;
    public double LrGamma { get; init; } = 0.75;
    public bool Shuffle { get; init; } = true;
    public TrainingOrder Order { get; init; } = TrainingOrder.AsIs;
    public long Seed { get; init; } = 42;
    public double ValFraction { get; init; } = 0.1;

    /// <summary>Intra-op threads of libtorch; null uses one per core.</summary>
    public int? Threads { get; init; }
    public int EvalBatchSize { get; init; } = 1000;

    /// <summary>Loader threads collating batches ahead of training; 0 collates on the training thread.</summary>
    public int Workers { get; init; }

    /// <summary>Batches each worker may prepare ahead.</summary>
    public int Prefetch { get; init; } = 2;

    /// <summary>Random crop (4 pixels of padding) and horizontal flip of training images, keyed on (seed, epoch, sample).</summary>
    public bool Augment { get; init; }

    /// <summary>Drop the last, smaller training batch of each epoch.</summary>
    public bool DropLast { get; init; }

    /// <summary>The doctor: pre-flight audit and live monitor (<c>--doctor off|warn|strict</c>).</summary>
    public DoctorMode Doctor { get; init; } = DoctorMode.Warn;

    /// <summary>How a folder-per-class dataset is decoded (ignored for IDX data).</summary>
    public ImageFolderOptions Folder { get; init; } = new();

    public StepLR Schedule => new(LearningRate, LrStep, LrGamma);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that is out of range.</summary>
    public void Validate()
    {
        if (!Models.Names.Contains(Model)) throw new ArgumentException($"model must be one of {string.Join(", ", Models.Names)}, but got model={Model}", nameof(Model));
        if (Epochs < 1) throw new ArgumentOutOfRangeException(nameof(Epochs), $"epochs must be at least 1, but got epochs={Epochs}");
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), $"batch-size must be at least 1, but got batch-size={BatchSize}");
        if (!(Momentum >= 0 && Momentum < 1)) throw new ArgumentOutOfRangeException(nameof(Momentum), $"momentum must be in [0, 1), but got momentum={Momentum}");
        if (!(ValFraction > 0 && ValFraction < 1)) throw new ArgumentOutOfRangeException(nameof(ValFraction), $"val-fraction must be in (0, 1), but got val-fraction={ValFraction}");
        if (Threads is < 1) throw new ArgumentOutOfRangeException(nameof(Threads), $"threads must be at least 1, but got threads={Threads}");
        if (EvalBatchSize < 1) throw new ArgumentOutOfRangeException(nameof(EvalBatchSize), $"eval batch size must be at least 1, but got {EvalBatchSize}");
        if (Workers < 0) throw new ArgumentOutOfRangeException(nameof(Workers), $"workers must be non-negative, but got workers={Workers}");
        if (Prefetch < 1) throw new ArgumentOutOfRangeException(nameof(Prefetch), $"prefetch must be at least 1, but got prefetch={Prefetch}");
        Folder.Validate();
        Schedule.Validate();
    }
}
