using System.Globalization;

namespace Riffle.Doctor.Monitor;

/// <summary>
/// <c>periodic-metrics</c>: training accuracy over fixed windows of steps inside one epoch falls sharply and
/// recovers, again and again. With a class-sorted, unshuffled loader each new class block starts with the network
/// answering the previous class (accuracy near 0) and ends with it answering the new one (near 1); the Google
/// Tuning Playbook names such periodic metrics as a sign of unshuffled data. A shuffled loader's window accuracy
/// only drifts, with binomial noise far below these amplitudes.
/// </summary>
public static class PeriodicMetricsCheck
{
    /// <summary>Windows per epoch: fine enough to see ten class blocks, coarse enough to average out noise.</summary>
    public const int Windows = 40;

    /// <summary>A fall of at least this much accuracy from one window to the next counts as a drop.</summary>
    public const double Drop = 0.3;

    /// <summary>Drops (each followed by a recovery of the same size) needed: a couple could be bad luck, three is a pattern.</summary>
    public const int MinimumCycles = 3;

    /// <summary>Windows smaller than this many samples are too noisy to judge (binomial noise ~ 0.5/sqrt(n)).</summary>
    public const int MinimumWindowSamples = 48;

    public static Finding? Run(IReadOnlyList<int> stepCorrect, IReadOnlyList<int> stepSize, int epoch, out string? notRun)
    {
        notRun = null;
        int samples = stepSize.Sum();
        int steps = stepSize.Count;
        int perWindow = Math.Max(1, steps / Windows);
        if (steps < 2 * MinimumCycles || samples / Math.Max(1, steps / perWindow) < MinimumWindowSamples)
        {
            notRun = $"epoch {epoch} has {steps} steps of {samples} samples, too few for windows of at least {MinimumWindowSamples} samples";
            return null;
        }
        var accuracy = new List<double>();
        for (int start = 0; start + perWindow <= steps; start += perWindow)
        {
            int right = 0, n = 0;
            for (int s = start; s < start + perWindow; s++) { right += stepCorrect[s]; n += stepSize[s]; }
            accuracy.Add((double)right / n);
        }
        int cycles = 0;
        double amplitude = 0;
        for (int i = 1; i < accuracy.Count; i++)
        {
            double fall = accuracy[i - 1] - accuracy[i];
            if (fall < Drop) continue;
            // A cycle: the fall is followed, within a few windows, by a recovery of the same size.
            for (int j = i + 1; j < Math.Min(accuracy.Count, i + 5); j++)
                if (accuracy[j] - accuracy[i] >= Drop) { cycles++; amplitude += fall; break; }
        }
        if (cycles < MinimumCycles) return null;
        return new Finding(MonitorFindingIds.PeriodicMetrics, Severity.Warning,
            "Training accuracy rises and falls in cycles within an epoch",
            string.Create(CultureInfo.InvariantCulture,
                $"epoch {epoch}: over {accuracy.Count} windows of {perWindow} steps, accuracy fell by {amplitude / cycles:F2} on average and recovered {cycles} times (min {accuracy.Min():F2}, max {accuracy.Max():F2})"),
            "Periodic metrics within an epoch mean the batches come in blocks (by class, by source, by time): shuffle the training data every epoch")
        {
            Epoch = epoch,
            Numbers = new Dictionary<string, double> { ["cycles"] = cycles, ["meanFall"] = Math.Round(amplitude / cycles, 6), ["windows"] = accuracy.Count, ["stepsPerWindow"] = perWindow },
        };
    }
}
