// Marks a required symbol version of an ELF64 shared object as weak (VER_FLG_WEAK), so the
// dynamic loader treats a missing version as non-fatal instead of refusing to load the file.
//
// Why: TorchSharp-cpu 0.107.0's libLibTorchSharp.so asks for GLIBCXX_3.4.32 (GCC 13), but
// Debian 12's libstdc++ stops at GLIBCXX_3.4.30. The only symbol it takes from that version is
// std::ios_base_library_init(), which no relocation uses, so weakening the requirement is safe.
//
// This file is compiled twice: by MSBuild's RoslynCodeTaskFactory as the PatchGlibcxxVersion task
// (see Directory.Build.targets), and into the tests (with RIFFLE_ELF_NO_TASK) to test the patcher
// on a small ELF fixture.
#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Riffle.Build
{
    public enum ElfPatchOutcome { Patched, AlreadyWeak, VersionNotRequired }

    public static class ElfVersionPatch
    {
        const uint ShtGnuVerneed = 0x6ffffffe;
        const ushort VerFlgWeak = 0x2;

        /// <summary>Sets VER_FLG_WEAK on every vernaux entry named <paramref name="version"/>, in memory.</summary>
        public static ElfPatchOutcome Patch(byte[] elf, string version, string what)
        {
            if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
                throw new InvalidDataException($"{what}: not an ELF file (bad magic at offset 0)");
            if (elf[4] != 2) throw new InvalidDataException($"{what}: only 64-bit ELF is supported (EI_CLASS={elf[4]})");
            if (elf[5] != 1) throw new InvalidDataException($"{what}: only little-endian ELF is supported (EI_DATA={elf[5]})");

            long shoff = (long)U64(elf, 0x28, what);
            int shentsize = U16(elf, 0x3A, what);
            int shnum = U16(elf, 0x3C, what);
            if (shoff == 0 || shnum == 0) throw new InvalidDataException($"{what}: has no section headers");
            if (shentsize < 64) throw new InvalidDataException($"{what}: section header size {shentsize} is below 64");

            int found = 0, patched = 0;
            for (int i = 0; i < shnum; i++)
            {
                long sh = shoff + (long)i * shentsize;
                if (U32(elf, sh + 4, what) != ShtGnuVerneed) continue;
                long offset = (long)U64(elf, sh + 0x18, what);
                uint link = U32(elf, sh + 0x28, what);   // index of the string table (.dynstr)
                uint count = U32(elf, sh + 0x2C, what);  // number of Elf64_Verneed entries
                long strtab = (long)U64(elf, shoff + (long)link * shentsize + 0x18, what);

                long vn = offset;
                for (uint n = 0; n < count; n++)
                {
                    int auxCount = U16(elf, vn + 2, what);
                    long aux = vn + U32(elf, vn + 8, what);
                    for (int a = 0; a < auxCount; a++)
                    {
                        string name = CString(elf, strtab + U32(elf, aux + 8, what), what);
                        if (name == version)
                        {
                            found++;
                            ushort flags = U16(elf, aux + 4, what);
                            if ((flags & VerFlgWeak) == 0)
                            {
                                flags |= VerFlgWeak;
                                elf[aux + 4] = (byte)flags;
                                elf[aux + 5] = (byte)(flags >> 8);
                                patched++;
                            }
                        }
                        uint next = U32(elf, aux + 12, what);
                        if (next == 0) break;
                        aux += next;
                    }
                    uint vnNext = U32(elf, vn + 12, what);
                    if (vnNext == 0) break;
                    vn += vnNext;
                }
            }
            if (found == 0) return ElfPatchOutcome.VersionNotRequired;
            return patched == 0 ? ElfPatchOutcome.AlreadyWeak : ElfPatchOutcome.Patched;
        }

        /// <summary>Patches a file in place through a temporary file and a rename (which also breaks any hard link).</summary>
        public static ElfPatchOutcome PatchFile(string path, string version)
        {
            byte[] bytes = File.ReadAllBytes(path);
            ElfPatchOutcome outcome = Patch(bytes, version, path);
            if (outcome != ElfPatchOutcome.Patched) return outcome;
            string tmp = path + ".riffle-tmp";
            File.WriteAllBytes(tmp, bytes);
            File.Replace(tmp, path, null); // a rename: the old inode (maybe shared) is left untouched
            return outcome;
        }

        /// <summary>True when a libstdc++ of this host defines <paramref name="version"/> (or when there is none to ask).</summary>
        public static bool HostProvides(string version, out string? library)
        {
            library = null;
            foreach (string dir in new[] { "/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu", "/usr/lib64", "/lib64", "/usr/lib" })
            {
                string candidate = Path.Combine(dir, "libstdc++.so.6");
                if (!File.Exists(candidate)) continue;
                library = candidate;
                return Contains(File.ReadAllBytes(candidate), Encoding.ASCII.GetBytes(version + "\0"));
            }
            return true;
        }

        static bool Contains(byte[] haystack, byte[] needle)
        {
            int first = needle[0];
            for (int i = Array.IndexOf(haystack, (byte)first); i >= 0 && i <= haystack.Length - needle.Length; i = Array.IndexOf(haystack, (byte)first, i + 1))
            {
                int j = 1;
                while (j < needle.Length && haystack[i + j] == needle[j]) j++;
                if (j == needle.Length) return true;
            }
            return false;
        }

        static void Check(byte[] b, long at, int size, string what)
        {
            if (at < 0 || at + size > b.Length)
                throw new InvalidDataException($"{what}: truncated ELF, needed {size} bytes at offset {at} but the file has {b.Length}");
        }
        static ushort U16(byte[] b, long at, string what) { Check(b, at, 2, what); return (ushort)(b[at] | b[at + 1] << 8); }
        static uint U32(byte[] b, long at, string what) { Check(b, at, 4, what); return (uint)(b[at] | b[at + 1] << 8 | b[at + 2] << 16 | b[at + 3] << 24); }
        static ulong U64(byte[] b, long at, string what) => U32(b, at, what) | (ulong)U32(b, at + 4, what) << 32;
        static string CString(byte[] b, long at, string what)
        {
            Check(b, at, 1, what);
            long end = at;
            while (end < b.Length && b[end] != 0) end++;
            return Encoding.ASCII.GetString(b, (int)at, (int)(end - at));
        }
    }

#if !RIFFLE_ELF_NO_TASK
    /// <summary>MSBuild task: weakens <see cref="Version"/> in each of <see cref="Files"/> unless the host's libstdc++ has it.</summary>
    public sealed class PatchGlibcxxVersion : Microsoft.Build.Utilities.Task
    {
        [Microsoft.Build.Framework.Required] public Microsoft.Build.Framework.ITaskItem[] Files { get; set; } = Array.Empty<Microsoft.Build.Framework.ITaskItem>();
        public string Version { get; set; } = "GLIBCXX_3.4.32";

        public override bool Execute()
        {
            if (Files.Length == 0) return true;
            if (ElfVersionPatch.HostProvides(Version, out string? lib))
            {
                Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Low, $"riffle: host libstdc++ ({lib ?? "none found"}) provides {Version}; nothing to patch");
                return true;
            }
            foreach (var item in Files)
            {
                string path = item.ItemSpec;
                try
                {
                    var outcome = ElfVersionPatch.PatchFile(path, Version);
                    Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Normal, $"riffle: {path}: {outcome} ({Version} missing from {lib})");
                }
                catch (Exception e)
                {
                    Log.LogError($"riffle: could not patch {path}: {e.Message}. Set -p:RiffleGlibcxxPatch=false to skip the patch.");
                }
            }
            return !Log.HasLoggedErrors;
        }
    }
#endif
}
