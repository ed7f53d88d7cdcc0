namespace Riffle.Training;

/// <summary>
/// PyTorch's <c>StepLR</c> as a pure function: the rate of 0-based epoch e is
/// <c>baseRate * gamma ^ floor(e / stepSize)</c>. Riffle's defaults (0.01, step 6, gamma 0.75) give 0.01 for
/// epochs 1-6 and 0.0075 from epoch 7, as in the story's table.
/// </summary>
public sealed record StepLR(double BaseRate, int StepSize, double Gamma)
{
    public double RateAt(int epoch)
    {
        if (epoch < 0) throw new ArgumentOutOfRangeException(nameof(epoch), $"epoch must be non-negative, but got epoch={epoch}");
        return BaseRate * Math.Pow(Gamma, epoch / StepSize);
    }

    public void Validate()
    {
        if (!(BaseRate > 0) || double.IsInfinity(BaseRate)) throw new ArgumentOutOfRangeException(nameof(BaseRate), $"the learning rate must be positive, but got lr={BaseRate}");
        if (StepSize < 1) throw new ArgumentOutOfRangeException(nameof(StepSize), $"the step size must be at least 1, but got lr-step={StepSize}");
        if (!(Gamma > 0) || double.IsInfinity(Gamma)) throw new ArgumentOutOfRangeException(nameof(Gamma), $"gamma must be positive, but got lr-gamma={Gamma}");
    }
}
