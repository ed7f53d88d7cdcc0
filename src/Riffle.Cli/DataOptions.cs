using System.CommandLine;
using Riffle.Data;

namespace Riffle.Cli;

/// <summary>The options that say where data comes from and how a folder dataset is decoded, shared by train, export and bench.</summary>
internal sealed class DataOptions
{
    private static readonly ImageFolderOptions Defaults = new();

    public Option<string?> Data { get; } = new("--data")
    {
        Description = "IDX folder (MNIST layout, raw or .gz), or a folder of class folders (optionally under train/ and test/) [default: the embedded Fashion-MNIST subset]",
        HelpName = "dir",
    };

    public Option<int> ImageSize { get; } = new Option<int>("--image-size") { Description = "Folder datasets: resize every image to N x N", DefaultValueFactory = _ => Defaults.Size }.Positive();

    public Option<int> Channels { get; } = new Option<int>("--channels") { Description = "Folder datasets: 1 (grayscale) or 3 (RGB)", DefaultValueFactory = _ => Defaults.Channels }
        .Require(c => c is 1 or 3, "must be 1 or 3");

    public Option<bool> SkipBad { get; } = new("--skip-bad") { Description = "Folder datasets: skip and count files that are not decodable images, and allow empty classes" };

    public void AddTo(Command command)
    {
        command.Options.Add(Data);
        command.Options.Add(ImageSize);
        command.Options.Add(Channels);
        command.Options.Add(SkipBad);
    }

    public ImageFolderOptions Folder(ParseResult parsed) => new()
    {
        Size = parsed.GetValue(ImageSize),
        Channels = parsed.GetValue(Channels),
        SkipBad = parsed.GetValue(SkipBad),
    };
}
