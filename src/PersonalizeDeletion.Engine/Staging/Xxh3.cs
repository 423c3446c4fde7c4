using System;
using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PersonalizeDeletion.Staging
{
    /// <summary>
    /// XXH3-128 (seed 0, default secret) of inputs up to 240 bytes, written from the XXH3 specification
    /// (doc/xxhash_spec.md of the xxHash project) and compiled fully optimised; longer inputs go to
    /// <see cref="XxHash128"/>. The results are the same as <see cref="XxHash128"/>'s, which the tests check for
    /// every length from 0 to 300 bytes.
    /// </summary>
    /// <remarks>
    /// Why not call <see cref="XxHash128"/> for every ID: its per-length helpers are separate methods that the
    /// tiered JIT compiles unoptimised first, and inside a PowerShell command they stayed unoptimised for the whole
    /// run (seen with <c>DOTNET_JitDisasmSummary</c>): a million IDs took about 50 ms longer than with the same
    /// code optimised. Every user ID is hashed once per command, so this is on the per-ID path
    /// (<see cref="HotPath"/>).
    /// </remarks>
    internal static class Xxh3
    {
        /// <summary>Inputs up to this length are hashed here.</summary>
        internal const int MaxShortLength = 240;

        private const ulong Prime32_1 = 0x9E3779B1UL;
        private const ulong Prime32_2 = 0x85EBCA77UL;
        private const ulong Prime64_1 = 0x9E3779B185EBCA87UL;
        private const ulong Prime64_2 = 0xC2B2AE3D27D4EB4FUL;
        private const ulong Prime64_3 = 0x165667B19E3779F9UL;
        private const ulong Prime64_4 = 0x85EBCA77C2B2AE63UL;
        private const ulong PrimeMx1 = 0x165667919E3779F9UL;
        private const ulong PrimeMx2 = 0x9FB21C651E98DF25UL;

        /// <summary>The specification's default 192-byte secret.</summary>
        private static ReadOnlySpan<byte> Secret => new byte[]
        {
            0xb8, 0xfe, 0x6c, 0x39, 0x23, 0xa4, 0x4b, 0xbe, 0x7c, 0x01, 0x81, 0x2c, 0xf7, 0x21, 0xad, 0x1c,
            0xde, 0xd4, 0x6d, 0xe9, 0x83, 0x90, 0x97, 0xdb, 0x72, 0x40, 0xa4, 0xa4, 0xb7, 0xb3, 0x67, 0x1f,
            0xcb, 0x79, 0xe6, 0x4e, 0xcc, 0xc0, 0xe5, 0x78, 0x82, 0x5a, 0xd0, 0x7d, 0xcc, 0xff, 0x72, 0x21,
            0xb8, 0x08, 0x46, 0x74, 0xf7, 0x43, 0x24, 0x8e, 0xe0, 0x35, 0x90, 0xe6, 0x81, 0x3a, 0x26, 0x4c,
            0x3c, 0x28, 0x52, 0xbb, 0x91, 0xc3, 0x00, 0xcb, 0x88, 0xd0, 0x65, 0x8b, 0x1b, 0x53, 0x2e, 0xa3,
            0x71, 0x64, 0x48, 0x97, 0xa2, 0x0d, 0xf9, 0x4e, 0x38, 0x19, 0xef, 0x46, 0xa9, 0xde, 0xac, 0xd8,
            0xa8, 0xfa, 0x76, 0x3f, 0xe3, 0x9c, 0x34, 0x3f, 0xf9, 0xdc, 0xbb, 0xc7, 0xc7, 0x0b, 0x4f, 0x1d,
            0x8a, 0x51, 0xe0, 0x4b, 0xcd, 0xb4, 0x59, 0x31, 0xc8, 0x9f, 0x7e, 0xc9, 0xd9, 0x78, 0x73, 0x64,
            0xea, 0xc5, 0xac, 0x83, 0x34, 0xd3, 0xeb, 0xc3, 0xc5, 0x81, 0xa0, 0xff, 0xfa, 0x13, 0x63, 0xeb,
            0x17, 0x0d, 0xdd, 0x51, 0xb7, 0xf0, 0xda, 0x49, 0xd3, 0x16, 0x55, 0x26, 0x29, 0xd4, 0x68, 0x9e,
            0x2b, 0x16, 0xbe, 0x58, 0x7d, 0x47, 0xa1, 0xfc, 0x8f, 0xf8, 0xb8, 0xd1, 0x7a, 0xd0, 0x31, 0xce,
            0x45, 0xcb, 0x3a, 0x8f, 0x95, 0x16, 0x04, 0x28, 0xaf, 0xd7, 0xfb, 0xca, 0xbb, 0x4b, 0x40, 0x7e,
        };

        /// <summary>The 128-bit hash as its two halves (XxHash128 writes <paramref name="high"/> first, big-endian).</summary>
        [MethodImpl(HotPath.Optimize)]
        public static void Hash128(ReadOnlySpan<byte> input, out ulong high, out ulong low)
        {
            int length = input.Length;
            if (length > MaxShortLength)
            {
                Span<byte> hash = stackalloc byte[16];
                XxHash128.Hash(input, hash);
                high = BinaryPrimitives.ReadUInt64BigEndian(hash);
                low = BinaryPrimitives.ReadUInt64BigEndian(hash.Slice(8));
                return;
            }

            ReadOnlySpan<byte> secret = Secret;
            if (length <= 16)
            {
                Hash0To16(input, secret, out high, out low);
                return;
            }

            ulong acc0 = (ulong)length * Prime64_1;
            ulong acc1 = 0;
            if (length <= 128)
            {
                // N 16-byte chunks from the start paired with N from the end, the innermost pair first.
                int rounds = ((length - 1) >> 5) + 1;
                for (int i = rounds - 1; i >= 0; i--)
                {
                    MixTwoChunks(ref acc0, ref acc1, input.Slice(i * 16, 16), input.Slice(length - (i * 16) - 16, 16), secret.Slice(i * 32), 0);
                }
            }
            else
            {
                int chunks = length >> 5;
                for (int i = 0; i < 4; i++)
                {
                    MixTwoChunks(ref acc0, ref acc1, input.Slice(i * 32, 16), input.Slice((i * 32) + 16, 16), secret.Slice(i * 32), 0);
                }

                acc0 = Avalanche(acc0);
                acc1 = Avalanche(acc1);
                for (int i = 4; i < chunks; i++)
                {
                    MixTwoChunks(ref acc0, ref acc1, input.Slice(i * 32, 16), input.Slice((i * 32) + 16, 16), secret.Slice(((i - 4) * 32) + 3), 0);
                }

                MixTwoChunks(ref acc0, ref acc1, input.Slice(length - 16, 16), input.Slice(length - 32, 16), secret.Slice(103), 0);
            }

            low = Avalanche(acc0 + acc1);
            high = 0 - Avalanche((acc0 * Prime64_1) + (acc1 * Prime64_4) + ((ulong)length * Prime64_2));
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Hash0To16(ReadOnlySpan<byte> input, ReadOnlySpan<byte> secret, out ulong high, out ulong low)
        {
            int length = input.Length;
            if (length > 8)
            {
                ulong first = Read64(input, 0);
                ulong last = Read64(input, length - 8);
                ulong val1 = (Read64(secret, 32) ^ Read64(secret, 40)) ^ first ^ last;
                ulong val2 = (Read64(secret, 48) ^ Read64(secret, 56)) ^ last;
                ulong mulLow = Multiply64To128(val1, Prime64_1, out ulong mulHigh);
                ulong l = mulLow + ((ulong)(length - 1) << 54);
                ulong h = mulHigh + val2 + ((val2 & 0xFFFFFFFFUL) * (Prime32_2 - 1));
                l ^= BinaryPrimitives.ReverseEndianness(h);
                ulong l2 = Multiply64To128(l, Prime64_2, out ulong h2);
                high = Avalanche(h2 + (h * Prime64_2));
                low = Avalanche(l2);
            }
            else if (length >= 4)
            {
                ulong first = Read32(input, 0);
                ulong last = Read32(input, length - 4);
                ulong combined = first | (last << 32);
                ulong value = (Read64(secret, 16) ^ Read64(secret, 24)) ^ combined;
                ulong l = Multiply64To128(value, Prime64_1 + ((ulong)length << 2), out ulong h);
                h += l << 1;
                l ^= h >> 3;
                l ^= l >> 35;
                l *= PrimeMx2;
                l ^= l >> 28;
                high = Avalanche(h);
                low = l;
            }
            else if (length > 0)
            {
                uint combined = input[length - 1] | ((uint)length << 8) | ((uint)input[0] << 16) | ((uint)input[length >> 1] << 24);
                ulong l = (ulong)(Read32(secret, 0) ^ Read32(secret, 4)) ^ combined;
                uint swapped = BinaryPrimitives.ReverseEndianness(combined);
                ulong h = (ulong)(Read32(secret, 8) ^ Read32(secret, 12)) ^ ((swapped << 13) | (swapped >> 19));
                high = AvalancheXxh64(h);
                low = AvalancheXxh64(l);
            }
            else
            {
                low = AvalancheXxh64(Read64(secret, 64) ^ Read64(secret, 72));
                high = AvalancheXxh64(Read64(secret, 80) ^ Read64(secret, 88));
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void MixTwoChunks(ref ulong acc0, ref ulong acc1, ReadOnlySpan<byte> data1, ReadOnlySpan<byte> data2, ReadOnlySpan<byte> secret, ulong seed)
        {
            acc0 += MixStep(data1, secret, seed);
            acc1 += MixStep(data2, secret.Slice(16), seed);
            acc0 ^= Read64(data2, 0) + Read64(data2, 8);
            acc1 ^= Read64(data1, 0) + Read64(data1, 8);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong MixStep(ReadOnlySpan<byte> data, ReadOnlySpan<byte> secret, ulong seed)
        {
            ulong lowPart = Multiply64To128(Read64(data, 0) ^ (Read64(secret, 0) + seed), Read64(data, 8) ^ (Read64(secret, 8) - seed), out ulong highPart);
            return lowPart ^ highPart;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong Avalanche(ulong x)
        {
            x ^= x >> 37;
            x *= PrimeMx1;
            return x ^ (x >> 32);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong AvalancheXxh64(ulong x)
        {
            x ^= x >> 33;
            x *= Prime64_2;
            x ^= x >> 29;
            x *= Prime64_3;
            return x ^ (x >> 32);
        }

        /// <summary>The full 128-bit product: returns the low half, <paramref name="high"/> gets the high half.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong Multiply64To128(ulong left, ulong right, out ulong high)
        {
            ulong loLo = (left & 0xFFFFFFFFUL) * (right & 0xFFFFFFFFUL);
            ulong hiLo = (left >> 32) * (right & 0xFFFFFFFFUL);
            ulong loHi = (left & 0xFFFFFFFFUL) * (right >> 32);
            ulong hiHi = (left >> 32) * (right >> 32);
            ulong cross = (loLo >> 32) + (hiLo & 0xFFFFFFFFUL) + loHi;
            high = (hiLo >> 32) + (cross >> 32) + hiHi;
            return (cross << 32) | (loLo & 0xFFFFFFFFUL);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ulong Read64(ReadOnlySpan<byte> source, int offset)
        {
            ulong value = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref MemoryMarshal.GetReference(source), offset));
            return BitConverter.IsLittleEndian ? value : BinaryPrimitives.ReverseEndianness(value);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static uint Read32(ReadOnlySpan<byte> source, int offset)
        {
            uint value = Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref MemoryMarshal.GetReference(source), offset));
            return BitConverter.IsLittleEndian ? value : BinaryPrimitives.ReverseEndianness(value);
        }
    }
}
