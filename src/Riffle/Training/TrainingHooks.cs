using Riffle.Data.Sampling;
using Riffle.Data.Transforms;

namespace Riffle.Training;

/// <summary>
/// Replaceable parts of a run beyond its options, for experiments and for the doctor's fault suite (which injects
/// the bugs the doctor must name): the training sampler of each rank, and the transform of validation and test
/// inputs. Null members keep Riffle's defaults.
/// </summary>
public sealed record TrainingHooks
{
    public static readonly TrainingHooks None = new();

    /// <summary>Builds rank <c>rank</c>'s training sampler over <c>count</c> samples; default: <see cref="DefaultSampler"/>.</summary>
    public Func<TrainOptions, int, int, int, ISampler>? TrainSampler { get; init; }

    /// <summary>The transform of validation and test inputs; default: the training normalisation without augmentation.</summary>
    public ISampleTransform? EvalTransform { get; init; }

    /// <summary>
    /// The story's sampler, one replica per rank; shuffle=false keeps the dataset's order. Rank r's k-th batch is its
    /// share of block k of one global permutation, so W ranks of batch B train like one process of batch W*B.
    /// </summary>
    public static ISampler DefaultSampler(TrainOptions o, int count, int worldSize, int rank) =>
        new DistributedSampler(count, worldSize, rank, shuffle: o.Shuffle, seed: o.Seed, dropLast: o.DropLast);

    public ISampler Sampler(TrainOptions o, int count, int worldSize, int rank) =>
        (TrainSampler ?? DefaultSampler)(o, count, worldSize, rank);
}
