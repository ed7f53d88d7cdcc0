namespace Riffle.Training;

/// <summary>The order of the training set before sampling.</summary>
public enum TrainingOrder
{
    /// <summary>As the files store it (Fashion-MNIST's files are already shuffled).</summary>
    AsIs,

    /// <summary>Sorted by class, as a folder-per-class dataset is listed: the condition of the story.</summary>
    ByLabel,
}
