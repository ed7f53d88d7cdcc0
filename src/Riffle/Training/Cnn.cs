using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Riffle.Training;

/// <summary>
/// Two conv+pool blocks and a small classifier:
/// <c>(B,1,28,28) -conv3x3,32-relu-pool2-> (B,32,14,14) -conv3x3,64-relu-pool2-> (B,64,7,7) -> 128 -> 10</c>.
/// </summary>
public sealed class Cnn : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d conv1;
    private readonly Conv2d conv2;
    private readonly Linear fc1;
    private readonly Linear fc2;

    public Cnn(int channels = 1, int size = 28, int classes = 10) : base("cnn")
    {
        conv1 = nn.Conv2d(channels, 32, 3, padding: 1);
        conv2 = nn.Conv2d(32, 64, 3, padding: 1);
        fc1 = nn.Linear(64 * (size / 4) * (size / 4), 128);
        fc2 = nn.Linear(128, classes);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var c1 = nn.functional.relu(conv1.forward(input));       // (B, 32, 28, 28)
        using var p1 = nn.functional.max_pool2d(c1, 2);                 // (B, 32, 14, 14)
        using var c2 = nn.functional.relu(conv2.forward(p1));          // (B, 64, 14, 14)
        using var p2 = nn.functional.max_pool2d(c2, 2);                 // (B, 64, 7, 7)
        using var flat = p2.flatten(1);                                 // (B, 3136)
        using var hidden = nn.functional.relu(fc1.forward(flat));       // (B, 128)
        return fc2.forward(hidden);                                     // (B, 10)
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) { conv1.Dispose(); conv2.Dispose(); fc1.Dispose(); fc2.Dispose(); }
        base.Dispose(disposing);
    }
}
