using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Riffle.Training;

/// <summary>784-256-10 multilayer perceptron: flatten, Linear, ReLU, Linear. Input <c>(B, 1, 28, 28)</c>, output logits <c>(B, 10)</c>.</summary>
public sealed class Mlp : nn.Module<Tensor, Tensor>
{
    private readonly Linear fc1;
    private readonly Linear fc2;

    public Mlp(int inputs = 784, int hidden = 256, int classes = 10) : base("mlp")
    {
        fc1 = nn.Linear(inputs, hidden);
        fc2 = nn.Linear(hidden, classes);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var flat = input.flatten(1);              // (B, 784)
        using var hidden = nn.functional.relu(fc1.forward(flat)); // (B, 256)
        return fc2.forward(hidden);                    // (B, 10)
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) { fc1.Dispose(); fc2.Dispose(); }
        base.Dispose(disposing);
    }
}
