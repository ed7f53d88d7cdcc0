namespace Riffle.Data;

/// <summary>The shape of one image sample: channels, height, width (PyTorch's C, H, W).</summary>
public readonly record struct ImageShape(int Channels, int Height, int Width)
{
    public int Size => Channels * Height * Width;

    public override string ToString() => $"{Channels}x{Height}x{Width}";
}
