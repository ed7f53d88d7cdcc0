using System.Buffers.Binary;
using System.Text;

namespace Riffle.Tests.Build;

/// <summary>
/// Builds a minimal ELF64 little-endian shared object holding just what the patcher reads: a <c>.dynstr</c>,
/// a <c>.gnu.version_r</c> with one <c>Elf64_Verneed</c> for libstdc++.so.6 and its <c>Elf64_Vernaux</c> entries,
/// and a <c>.shstrtab</c>.
/// </summary>
internal static class ElfFixture
{
    public const int AuxStart = 64 + 0x100; // where the version_r section's first vernaux lives (see Build)

    public static byte[] Build(params string[] versions)
    {
        // .dynstr: "\0libstdc++.so.6\0<v1>\0<v2>\0..."
        var dynstr = new List<byte> { 0 };
        int fileName = Add(dynstr, "libstdc++.so.6");
        int[] names = versions.Select(v => Add(dynstr, v)).ToArray();

        // .gnu.version_r: one Verneed (16 bytes) then one Vernaux (16 bytes) per version.
        var verneed = new byte[16 + 16 * versions.Length];
        BinaryPrimitives.WriteUInt16LittleEndian(verneed.AsSpan(0), 1);                       // vn_version
        BinaryPrimitives.WriteUInt16LittleEndian(verneed.AsSpan(2), (ushort)versions.Length); // vn_cnt
        BinaryPrimitives.WriteUInt32LittleEndian(verneed.AsSpan(4), (uint)fileName);          // vn_file
        BinaryPrimitives.WriteUInt32LittleEndian(verneed.AsSpan(8), 16);                      // vn_aux
        for (int i = 0; i < versions.Length; i++)
        {
            Span<byte> aux = verneed.AsSpan(16 + 16 * i);
            BinaryPrimitives.WriteUInt32LittleEndian(aux, (uint)versions[i].GetHashCode());  // vna_hash (unused here)
            BinaryPrimitives.WriteUInt16LittleEndian(aux[6..], (ushort)(i + 2));           // vna_other
            BinaryPrimitives.WriteUInt32LittleEndian(aux[8..], (uint)names[i]);            // vna_name
            BinaryPrimitives.WriteUInt32LittleEndian(aux[12..], i + 1 < versions.Length ? 16u : 0u); // vna_next
        }

        var shstr = new List<byte> { 0 };
        int nDynstr = Add(shstr, ".dynstr"), nVerneed = Add(shstr, ".gnu.version_r"), nShstr = Add(shstr, ".shstrtab");

        // Layout: header (64) | .dynstr @0x40 | .gnu.version_r @0x140 | .shstrtab @0x240 | section headers @0x300
        const int dynstrAt = 0x40, verneedAt = 0x140, shstrAt = 0x240, shoff = 0x300;
        var elf = new byte[shoff + 4 * 64];
        "\x7f"u8.CopyTo(elf); Encoding.ASCII.GetBytes("ELF").CopyTo(elf, 1);
        elf[4] = 2; elf[5] = 1; elf[6] = 1;                                          // ELFCLASS64, little-endian, version
        BinaryPrimitives.WriteUInt16LittleEndian(elf.AsSpan(0x10), 3);               // ET_DYN
        BinaryPrimitives.WriteUInt16LittleEndian(elf.AsSpan(0x12), 0x3E);            // x86-64
        BinaryPrimitives.WriteUInt32LittleEndian(elf.AsSpan(0x14), 1);
        BinaryPrimitives.WriteUInt64LittleEndian(elf.AsSpan(0x28), shoff);           // e_shoff
        BinaryPrimitives.WriteUInt16LittleEndian(elf.AsSpan(0x34), 64);              // e_ehsize
        BinaryPrimitives.WriteUInt16LittleEndian(elf.AsSpan(0x3A), 64);              // e_shentsize
        BinaryPrimitives.WriteUInt16LittleEndian(elf.AsSpan(0x3C), 4);               // e_shnum
        BinaryPrimitives.WriteUInt16LittleEndian(elf.AsSpan(0x3E), 3);               // e_shstrndx
        dynstr.ToArray().CopyTo(elf, dynstrAt);
        verneed.CopyTo(elf, verneedAt);
        shstr.ToArray().CopyTo(elf, shstrAt);
        Section(elf, shoff + 64 * 1, nDynstr, 3, dynstrAt, dynstr.Count, link: 0, info: 0);              // SHT_STRTAB
        Section(elf, shoff + 64 * 2, nVerneed, 0x6ffffffe, verneedAt, verneed.Length, link: 1, info: 1); // SHT_GNU_verneed
        Section(elf, shoff + 64 * 3, nShstr, 3, shstrAt, shstr.Count, link: 0, info: 0);
        return elf;
    }

    /// <summary>vna_flags of the i-th vernaux entry.</summary>
    public static ushort Flags(byte[] elf, int i) => BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(0x140 + 16 + 16 * i + 4));

    private static int Add(List<byte> table, string s)
    {
        int at = table.Count;
        table.AddRange(Encoding.ASCII.GetBytes(s));
        table.Add(0);
        return at;
    }

    private static void Section(byte[] elf, int at, int name, uint type, long offset, long size, uint link, uint info)
    {
        Span<byte> sh = elf.AsSpan(at, 64);
        BinaryPrimitives.WriteUInt32LittleEndian(sh, (uint)name);
        BinaryPrimitives.WriteUInt32LittleEndian(sh[4..], type);
        BinaryPrimitives.WriteUInt64LittleEndian(sh[0x18..], (ulong)offset);
        BinaryPrimitives.WriteUInt64LittleEndian(sh[0x20..], (ulong)size);
        BinaryPrimitives.WriteUInt32LittleEndian(sh[0x28..], link);
        BinaryPrimitives.WriteUInt32LittleEndian(sh[0x2C..], info);
    }
}
