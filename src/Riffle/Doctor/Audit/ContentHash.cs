using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Riffle.Doctor.Audit;

/// <summary>
/// XXH64 (Yann Collet's xxHash, 64-bit; bit-for-bit the reference algorithm, so <c>xxhsum -H1</c> gives the same
/// values): a fast, well-mixed, non-cryptographic hash, used to find byte-identical samples across splits. Four
/// independent 64-bit lanes over 32-byte stripes keep the multiplier pipelines busy: a 28x28 image is 24 stripes
/// and a tail, and 70,000 of them hash in a few milliseconds. Equal hashes are confirmed by comparing the bytes, so
/// a collision (about 1 in 10^10 for 70,000 images) can never report a false duplicate.
/// </summary>
public static class ContentHash
{
    private const ulong Prime1 = 11400714785074694791UL;
    private const ulong Prime2 = 14029467366897019727UL;
    private const ulong Prime3 = 1609587929392839161UL;
    private const ulong Prime4 = 9650029242287828579UL;
    private const ulong Prime5 = 2870177450012600261UL;

    /// <summary>The XXH64 hash of <paramref name="data"/> with <paramref name="seed"/>.</summary>
    public static ulong Of(ReadOnlySpan<byte> data, ulong seed = 0)
    {
        // Reads go through a ref to the first byte, without a bounds check per read: the loop bounds keep every read
        // inside the span (this loop is the whole cost of the leakage check).
        ref byte start = ref MemoryMarshal.GetReference(data);
        int length = data.Length;
        int offset = 0;
        ulong hash;
        if (length >= 32)
        {
            ulong v1 = unchecked(seed + Prime1 + Prime2), v2 = unchecked(seed + Prime2), v3 = seed, v4 = unchecked(seed - Prime1);
            int stripes = length - 32;
            do
            {
                v1 = Round(v1, Read64(ref start, offset));
                v2 = Round(v2, Read64(ref start, offset + 8));
                v3 = Round(v3, Read64(ref start, offset + 16));
                v4 = Round(v4, Read64(ref start, offset + 24));
                offset += 32;
            }
            while (offset <= stripes);
            hash = unchecked(BitOperations.RotateLeft(v1, 1) + BitOperations.RotateLeft(v2, 7) + BitOperations.RotateLeft(v3, 12) + BitOperations.RotateLeft(v4, 18));
            hash = Merge(hash, v1);
            hash = Merge(hash, v2);
            hash = Merge(hash, v3);
            hash = Merge(hash, v4);
        }
        else
        {
            hash = unchecked(seed + Prime5);
        }

        hash = unchecked(hash + (ulong)length);
        unchecked
        {
            for (; offset + 8 <= length; offset += 8)
            {
                hash ^= Round(0, Read64(ref start, offset));
                hash = BitOperations.RotateLeft(hash, 27) * Prime1 + Prime4;
            }
            if (offset + 4 <= length)
            {
                hash ^= Read32(ref start, offset) * Prime1;
                hash = BitOperations.RotateLeft(hash, 23) * Prime2 + Prime3;
                offset += 4;
            }
            for (; offset < length; offset++)
            {
                hash ^= Unsafe.Add(ref start, offset) * Prime5;
                hash = BitOperations.RotateLeft(hash, 11) * Prime1;
            }

            // Avalanche: every input bit affects every output bit.
            hash ^= hash >> 33;
            hash *= Prime2;
            hash ^= hash >> 29;
            hash *= Prime3;
            hash ^= hash >> 32;
        }
        return hash;
    }

    // XXH64 reads its input little-endian; on a big-endian machine the words are swapped.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Read64(ref byte start, int offset)
    {
        ulong word = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, offset));
        return BitConverter.IsLittleEndian ? word : BinaryPrimitives.ReverseEndianness(word);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Read32(ref byte start, int offset)
    {
        uint word = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref start, offset));
        return BitConverter.IsLittleEndian ? word : BinaryPrimitives.ReverseEndianness(word);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Round(ulong accumulator, ulong lane) =>
        unchecked(BitOperations.RotateLeft(accumulator + lane * Prime2, 31) * Prime1);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Merge(ulong hash, ulong accumulator) =>
        unchecked((hash ^ Round(0, accumulator)) * Prime1 + Prime4);
}
