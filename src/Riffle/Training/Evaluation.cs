namespace Riffle.Training;

/// <summary>Mean loss and accuracy of a model over one split, and how its predictions spread over the classes.</summary>
public sealed record Evaluation(double Loss, double Accuracy, int Samples, long[] PredictionCounts);
