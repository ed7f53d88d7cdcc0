namespace Riffle.Doctor;

/// <summary>
/// Maps findings to root causes. Each finding adds evidence for causes through a table of
/// <see cref="EvidenceWeight"/>s; a cause's score combines its evidence as a noisy OR:
/// <c>score = 1 - prod(1 - weight * severityFactor)</c> over its supporting findings. So one strong finding gives
/// about its weight, independent findings add up without ever passing 1, and a finding that is not in the table
/// changes nothing. Causes are ranked by score, best first; with no warning or error at all the only cause is
/// <c>healthy</c>. Later checks (the pre-flight audit, the live monitor) bring their own rows:
/// <c>new CauseRanker([.. CauseRanker.DefaultWeights, .. theirs])</c>.
/// </summary>
public sealed class CauseRanker
{
    /// <summary>
    /// The evidence table of the metric checks. Read a row as "this finding, if it is an error, alone makes this
    /// cause about this likely". The signature of the story (class-sorted data, no shuffling) is the combination
    /// of val-at-class-prior, train-val-gap from epoch 1 and train-acc-falling: the first two also fit a broken
    /// eval pipeline, the third does not (a wrong val pipeline cannot make Train ACC fall), so it is what tips
    /// the ranking.
    /// </summary>
    public static IReadOnlyList<EvidenceWeight> DefaultWeights { get; } =
    [
        new(FindingIds.ValAtClassPrior, CauseIds.UnshuffledTrainingOrder, 0.5,
            "a network trained on one class at a time predicts the class of the last block for everything"),
        new(FindingIds.ValAtClassPrior, CauseIds.EvalPipelineMismatch, 0.4,
            "inputs the model never saw in training (other normalisation, transforms) collapse to one class"),
        new(FindingIds.TrainValGap, CauseIds.UnshuffledTrainingOrder, 0.4,
            "within a one-class block, predicting that class scores well: Train ACC is high from the first epoch"),
        new(FindingIds.TrainValGap, CauseIds.EvalPipelineMismatch, 0.3,
            "training works, validation data is not what the model was trained on"),
        new(FindingIds.TrainValGap, CauseIds.Overfitting, 0.1,
            "overfitting opens a gap too, but over epochs, rarely from the first one"),
        new(FindingIds.TrainAccFalling, CauseIds.UnshuffledTrainingOrder, 0.6,
            "each new class block undoes the last one, so epoch averages fall at a constant rate"),
        new(FindingIds.TrainAccFalling, CauseIds.LearningRateTooHigh, 0.3,
            "steps too large to settle make accuracy drift down"),
        new(FindingIds.TrainAccFalling, CauseIds.LabelNoise, 0.1,
            "memorising wrong labels can trade off accuracy on the right ones"),
        new(FindingIds.ValEqualsTest, CauseIds.DataLeakage, 0.5,
            "the test numbers are the validation numbers: the test set is not held out (or not evaluated)"),
        new(FindingIds.ValEqualsTest, CauseIds.EvalPipelineMismatch, 0.3,
            "the evaluation wiring passes the same loader twice"),
        new(FindingIds.LossNonFinite, CauseIds.LearningRateTooHigh, 0.6,
            "exploding updates overflow to inf and NaN"),
        new(FindingIds.LossDiverging, CauseIds.LearningRateTooHigh, 0.7,
            "a loss that grows by multiples is the classic symptom of a step size that overshoots"),
        new(FindingIds.NoLearning, CauseIds.LearningRateTooHigh, 0.3,
            "too large a rate bounces around instead of descending"),
        new(FindingIds.NoLearning, CauseIds.LabelNoise, 0.3,
            "with random labels there is nothing to learn, so the loss stays up"),
        new(FindingIds.NoLearning, CauseIds.UnshuffledTrainingOrder, 0.1,
            "relearning each class block every epoch keeps the epoch loss from falling"),
        new(FindingIds.Overfitting, CauseIds.Overfitting, 0.7,
            "val loss rising while train loss falls is overfitting by definition"),
        new(FindingIds.Overfitting, CauseIds.LabelNoise, 0.1,
            "memorising noisy labels shows as overfitting"),
    ];

    /// <summary>The ranker of the metric checks, with <see cref="DefaultWeights"/>.</summary>
    public static CauseRanker Default { get; } = new(DefaultWeights);

    private readonly ILookup<string, EvidenceWeight> _byFinding;

    public CauseRanker(IEnumerable<EvidenceWeight> weights) => _byFinding = weights.ToLookup(w => w.FindingId);

    /// <summary>
    /// How much a finding's severity counts: an error at full weight; a warning a little less (it is a softer
    /// signal by construction); info barely.
    /// </summary>
    public static double SeverityFactor(Severity severity) => severity switch
    {
        Severity.Error => 1.0,
        Severity.Warning => 0.8,
        _ => 0.3,
    };

    /// <summary>Causes best first; only causes with some evidence appear, and <c>healthy</c> alone when nothing is a warning or an error.</summary>
    public IReadOnlyList<Cause> Rank(IReadOnlyList<Finding> findings)
    {
        var causes = new List<(Cause Cause, double Exact)>();
        var evidence = findings.SelectMany(f => _byFinding[f.Id].Select(w => (Finding: f, w.CauseId, w.Weight))).ToList();
        foreach (var group in evidence
                     .Where(e => e.Weight > 0)
                     .Select(e => (e.Finding, e.CauseId, Strength: e.Weight * SeverityFactor(e.Finding.Severity)))
                     .Where(e => e.Strength > 0)
                     .GroupBy(e => e.CauseId))
        {
            double miss = group.Aggregate(1.0, (m, e) => m * (1 - e.Strength));
            // Counter-evidence: a check that rules the cause out scales its score down.
            double damp = evidence.Where(e => e.CauseId == group.Key && e.Weight < 0).Aggregate(1.0, (d, e) => d * (1 + e.Weight));
            double score = (1 - miss) * damp;
            Finding[] support = group.OrderByDescending(e => e.Strength).Select(e => e.Finding).Distinct().ToArray();
            causes.Add((new Cause(group.Key, Round(score), support), score));
        }

        var ranked = causes
            .OrderByDescending(c => c.Exact)
            .ThenBy(c => TieOrder(c.Cause.Id))
            .Select(c => c.Cause)
            .ToList();
        if (!findings.Any(f => f.Severity >= Severity.Warning))
            ranked.Insert(0, new Cause(CauseIds.Healthy, Round(1 - causes.Select(c => c.Exact).DefaultIfEmpty(0).Max()), []));
        return ranked;
    }

    private static int TieOrder(string id)
    {
        int i = CauseIds.All.ToList().IndexOf(id);
        return i < 0 ? int.MaxValue : i;
    }

    // Two decimals: the weights are judgement, more digits would claim a precision they do not have.
    private static double Round(double score) => Math.Round(score, 2, MidpointRounding.AwayFromZero);
}
