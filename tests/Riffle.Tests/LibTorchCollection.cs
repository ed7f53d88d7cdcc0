using Xunit;

namespace Riffle.Tests;

/// <summary>
/// Tests that run libtorch share its process-wide state (thread count, global seed), so they run one at a time.
/// That they run at all proves the build step let libLibTorchSharp.so load on this machine.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LibTorchCollection
{
    public const string Name = "libtorch";
}
