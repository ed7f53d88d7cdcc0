using System.Diagnostics;
using Riffle.Data;
using Riffle.Data.Sampling;
using Riffle.Data.Transforms;
using Riffle.Distributed;
using TorchSharp;
using static TorchSharp.torch;

namespace Riffle.Training;

/// <summary>
/// Trains a classifier with SGD + momentum, cross-entropy and a <see cref="StepLR"/> schedule, and evaluates
/// validation and test after every epoch in eval mode without gradients. One dispose scope per step and per
/// evaluation batch; every number leaves libtorch at once as a managed value.
/// </summary>
public sealed class Trainer : IDisposable
{
    private readonly TrainOptions _options;
    private readonly TrainingData _data;
    private readonly nn.Module<Tensor, Tensor> _model;
    private readonly optim.Optimizer _optimizer;
    private readonly DataLoader _train;
    private readonly DataLoader _val;
    private readonly DataLoader _test;
    private readonly IProcessGroup _group;
    private readonly DataParallel _parallel;

    /// <param name="group">The ranks training together; null trains in this process alone.</param>
    /// <param name="hooks">Replaced parts (training sampler, evaluation transform); null keeps the defaults.</param>
    public Trainer(TrainOptions options, TrainingData data, IProcessGroup? group = null, TrainingHooks? hooks = null)
    {
        hooks ??= TrainingHooks.None;
        options.Validate();
        _options = options;
        _data = data;
        _group = group ?? SingleProcessGroup.Instance;
        if (options.Threads is { } threads) torch.set_num_threads(threads);
        torch.manual_seed(options.Seed);
        _model = Models.Create(options.Model, data.Train.Shape, data.Train.Classes.Count);
        _optimizer = optim.SGD(_model.parameters(), options.LearningRate, options.Momentum);
        _parallel = new DataParallel(_group, _model.parameters());
        _parallel.BroadcastParameters(); // every rank starts from rank 0's weights
        Normalize normalize = Normalize.FashionMnist;
        ISampleTransform trainTransform = options.Augment
            ? Compose.StandardAugmentation(options.Seed, data.Train.Shape, normalize)
            : normalize;
        ISampler sampler = hooks.Sampler(options, data.Train.Count, _group.WorldSize, _group.Rank);
        ISampleTransform evalTransform = hooks.EvalTransform ?? normalize;
        _train = new DataLoader(data.Train, sampler, trainTransform, new DataLoaderOptions
        {
            BatchSize = options.BatchSize,
            DropLast = options.DropLast,
            NumWorkers = options.Workers,
            PrefetchFactor = options.Prefetch,
            PersistentWorkers = options.Workers > 0,
        });
        var eval = new DataLoaderOptions { BatchSize = options.EvalBatchSize, NumWorkers = options.Workers, PrefetchFactor = options.Prefetch };
        // Evaluation is split across ranks without padding, so no sample is counted twice.
        _val = new DataLoader(data.Val, new StridedSampler(data.Val.Count, _group.WorldSize, _group.Rank), evalTransform, eval);
        _test = new DataLoader(data.Test, new StridedSampler(data.Test.Count, _group.WorldSize, _group.Rank), evalTransform, eval);
    }

    /// <summary>Raised every few training batches (and at the last one).</summary>
    public event Action<StepProgress>? Step;

    /// <summary>Raised after every training batch with the epoch (1-based) and the batch number (1-based).</summary>
    public event Action<int, int>? BatchDone;

    public IProcessGroup Group => _group;

    public nn.Module<Tensor, Tensor> Model => _model;
    public DataLoader TrainLoader => _train;

    /// <summary>Runs all epochs, yielding each epoch's row as soon as it ends.</summary>
    public IEnumerable<EpochMetrics> Fit()
    {
        for (int epoch = 0; epoch < _options.Epochs; epoch++)
            yield return RunEpoch(epoch);
    }

    /// <summary>Trains one epoch (0-based) and evaluates validation and test.</summary>
    public EpochMetrics RunEpoch(int epoch)
    {
        double lr = _options.Schedule.RateAt(epoch);
        foreach (var group in _optimizer.ParamGroups) group.LearningRate = lr;
        var (loss, acc, seconds, wait) = TrainEpoch(epoch);
        Evaluation val = Evaluate(_val);
        Evaluation test = Evaluate(_test);
        LastEpoch = new EpochDetail(_stepCorrect.ToArray(), _stepSize.ToArray(), val, test);
        return new EpochMetrics(epoch + 1, seconds, loss, acc, val.Loss, val.Accuracy, test.Loss, test.Accuracy, lr, wait);
    }

    private readonly List<int> _stepCorrect = [];
    private readonly List<int> _stepSize = [];
    private float[]? _snapshot;

    /// <summary>The last epoch's per-step accuracies and evaluations (null before the first epoch).</summary>
    public EpochDetail? LastEpoch { get; private set; }

    /// <summary>Keeps a copy of the current weights (the last good state), to come back to with <see cref="RestoreSnapshot"/>.</summary>
    public void TakeSnapshot()
    {
        var parameters = _model.parameters().ToArray();
        _snapshot ??= new float[parameters.Sum(p => checked((int)p.numel()))];
        int offset = 0;
        foreach (var p in parameters)
        {
            ReadOnlySpan<float> data = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(p.bytes);
            data.CopyTo(_snapshot.AsSpan(offset));
            offset += data.Length;
        }
    }

    /// <summary>Puts back the weights of the last <see cref="TakeSnapshot"/>; false when there is none.</summary>
    public bool RestoreSnapshot()
    {
        if (_snapshot is null) return false;
        using var noGrad = torch.no_grad();
        int offset = 0;
        foreach (var p in _model.parameters())
        {
            Span<float> data = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(p.bytes);
            _snapshot.AsSpan(offset, data.Length).CopyTo(data);
            offset += data.Length;
        }
        return true;
    }

    private (double Loss, double Accuracy, double Seconds, double DataWait) TrainEpoch(int epoch)
    {
        _stepCorrect.Clear();
        _stepSize.Clear();
        _model.train();
        double lossSum = 0;
        long correct = 0, seen = 0;
        int batches = _train.BatchCount, done = 0;
        var clock = Stopwatch.StartNew();
        long lastReport = 0;
        LoaderEpoch batchesOfEpoch = _train.GetBatches(epoch);
        foreach (Batch batch in batchesOfEpoch)
        {
            using (batch)
            using (torch.NewDisposeScope())
            {
                _optimizer.zero_grad();
                Tensor logits = _model.forward(batch.Images);                 // (B, C)
                Tensor loss = nn.functional.cross_entropy(logits, batch.Labels);
                loss.backward();
                _parallel.AverageGradients();
                _optimizer.step();
                lossSum += loss.item<float>() * batch.Size;
                long right = logits.argmax(1).eq(batch.Labels).sum().item<long>();
                correct += right;
                seen += batch.Size;
                _stepCorrect.Add((int)right);
                _stepSize.Add(batch.Size);
            }
            done++;
            BatchDone?.Invoke(epoch + 1, done);
            if (Step is { } step && (done == batches || clock.ElapsedMilliseconds - lastReport >= 200))
            {
                lastReport = clock.ElapsedMilliseconds;
                step(new StepProgress(epoch + 1, done, batches, seen / Math.Max(clock.Elapsed.TotalSeconds, 1e-9), lossSum / seen));
            }
        }
        double seconds = clock.Elapsed.TotalSeconds, wait = batchesOfEpoch.DataWait.TotalSeconds;
        // The table is global: sums over all ranks.
        Span<double> totals = [lossSum, correct, seen];
        _group.AllReduce(totals, ReduceOp.Sum);
        (lossSum, correct, seen) = (totals[0], (long)totals[1], (long)totals[2]);
        return seen == 0 ? (double.NaN, double.NaN, seconds, wait) : (lossSum / seen, (double)correct / seen, seconds, wait);
    }

    /// <summary>Mean loss, accuracy and prediction histogram of the model over one loader's data, in eval mode, without gradients.</summary>
    public Evaluation Evaluate(DataLoader loader)
    {
        _model.eval();
        int classes = _data.Train.Classes.Count;
        var predicted = new long[classes];
        double lossSum = 0;
        long correct = 0;
        int seen = 0;
        using (torch.no_grad())
        {
            foreach (Batch batch in loader.GetBatches(epoch: 0))
            {
                using (batch)
                using (torch.NewDisposeScope())
                {
                    Tensor logits = _model.forward(batch.Images);
                    lossSum += nn.functional.cross_entropy(logits, batch.Labels, reduction: nn.Reduction.Sum).item<float>();
                    Tensor predictions = logits.argmax(1);
                    correct += predictions.eq(batch.Labels).sum().item<long>();
                    foreach (long p in predictions.data<long>()) predicted[p]++;
                    seen += batch.Size;
                }
            }
        }
        var totals = new double[3 + classes];
        (totals[0], totals[1], totals[2]) = (lossSum, correct, seen);
        for (int c = 0; c < classes; c++) totals[3 + c] = predicted[c];
        _group.AllReduce(totals, ReduceOp.Sum);
        (lossSum, correct, seen) = (totals[0], (long)totals[1], (int)totals[2]);
        for (int c = 0; c < classes; c++) predicted[c] = (long)totals[3 + c];
        return seen == 0
            ? new Evaluation(double.NaN, double.NaN, 0, predicted)
            : new Evaluation(lossSum / seen, (double)correct / seen, seen, predicted);
    }

    public void Dispose()
    {
        _train.Dispose();
        _val.Dispose();
        _test.Dispose();
        _optimizer.Dispose();
        _model.Dispose();
    }
}
