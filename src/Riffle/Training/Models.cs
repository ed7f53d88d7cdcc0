using Riffle.Data;
using TorchSharp;

namespace Riffle.Training;

/// <summary>The models <c>riffle train --model</c> knows, by name.</summary>
public static class Models
{
    public static readonly IReadOnlyList<string> Names = ["mlp", "cnn"];

    public static torch.nn.Module<torch.Tensor, torch.Tensor> Create(string name, ImageShape shape, int classes) => name switch
    {
        "mlp" => new Mlp(shape.Size, 256, classes),
        "cnn" => new Cnn(shape.Channels, shape.Height, classes),
        _ => throw new ArgumentException($"model must be one of {string.Join(", ", Names)}, but got model={name}", nameof(name)),
    };
}
