using Riffle.Build;
using Xunit;

namespace Riffle.Tests.Build;

public class ElfVersionPatchTests
{
    private const string Missing = "GLIBCXX_3.4.32";

    [Fact]
    public void Patch_SetsWeakFlagOnlyOnTheNamedVersion()
    {
        byte[] elf = ElfFixture.Build("GLIBCXX_3.4.19", Missing, "CXXABI_1.3.5");

        Assert.Equal(ElfPatchOutcome.Patched, ElfVersionPatch.Patch(elf, Missing, "fixture"));

        Assert.Equal(0, ElfFixture.Flags(elf, 0));
        Assert.Equal(2, ElfFixture.Flags(elf, 1)); // VER_FLG_WEAK
        Assert.Equal(0, ElfFixture.Flags(elf, 2));
    }

    [Fact]
    public void Patch_IsIdempotent()
    {
        byte[] elf = ElfFixture.Build(Missing);
        ElfVersionPatch.Patch(elf, Missing, "fixture");
        byte[] once = (byte[])elf.Clone();

        Assert.Equal(ElfPatchOutcome.AlreadyWeak, ElfVersionPatch.Patch(elf, Missing, "fixture"));
        Assert.Equal(once, elf);
    }

    [Fact]
    public void Patch_WithoutTheVersion_LeavesBytesAlone()
    {
        byte[] elf = ElfFixture.Build("GLIBCXX_3.4.19");
        byte[] before = (byte[])elf.Clone();

        Assert.Equal(ElfPatchOutcome.VersionNotRequired, ElfVersionPatch.Patch(elf, Missing, "fixture"));
        Assert.Equal(before, elf);
    }

    [Fact]
    public void Patch_RejectsNonElfAndTruncatedFiles_NamingTheFile()
    {
        var e1 = Assert.Throws<InvalidDataException>(() => ElfVersionPatch.Patch(new byte[100], Missing, "x.so"));
        Assert.Contains("x.so: not an ELF file", e1.Message);

        byte[] truncated = ElfFixture.Build(Missing)[..0x200];
        var e2 = Assert.Throws<InvalidDataException>(() => ElfVersionPatch.Patch(truncated, Missing, "y.so"));
        Assert.Contains("y.so: truncated ELF", e2.Message);
    }

    [Fact]
    public void PatchFile_RewritesThroughANewFile_LeavingHardLinkedCopiesUntouched()
    {
        string dir = Directory.CreateTempSubdirectory("riffle-elf-").FullName;
        try
        {
            string original = Path.Combine(dir, "cache.so"), output = Path.Combine(dir, "out.so");
            File.WriteAllBytes(original, ElfFixture.Build(Missing));
            File.Copy(original, output);

            Assert.Equal(ElfPatchOutcome.Patched, ElfVersionPatch.PatchFile(output, Missing));

            Assert.Equal(2, ElfFixture.Flags(File.ReadAllBytes(output), 0));
            Assert.Equal(0, ElfFixture.Flags(File.ReadAllBytes(original), 0));
            Assert.False(File.Exists(output + ".riffle-tmp"));
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Fact]
    [Trait("Requires", "libtorch")]
    public void BuildOutput_GlueIsPatchedWhenTheHostLacksTheVersion_AndTheNuGetCacheIsNot()
    {
        string glue = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        Assert.True(File.Exists(glue), $"expected the build to copy {glue}");
        byte[] output = File.ReadAllBytes(glue);
        var expected = ElfVersionPatch.HostProvides(Missing, out _) ? ElfPatchOutcome.Patched : ElfPatchOutcome.AlreadyWeak;
        // When the host has the version, nothing is patched, so patching a copy still finds work to do.
        Assert.Equal(expected, ElfVersionPatch.Patch((byte[])output.Clone(), Missing, glue));

        string cache = Path.Combine(Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
            "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        if (File.Exists(cache))
            Assert.Equal(ElfPatchOutcome.Patched, ElfVersionPatch.Patch(File.ReadAllBytes(cache), Missing, cache));
    }
}
