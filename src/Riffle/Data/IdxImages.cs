namespace Riffle.Data;

/// <summary>The images of one IDX file: <c>Count</c> images of <c>Rows x Cols</c> bytes, row-major, one after another.</summary>
public sealed record IdxImages(int Count, int Rows, int Cols, byte[] Pixels)
{
    public int ImageSize => Rows * Cols;
}
