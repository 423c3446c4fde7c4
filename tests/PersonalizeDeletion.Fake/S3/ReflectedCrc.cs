using System;

namespace PersonalizeDeletion.Fake.S3;

/// <summary>
/// Table-driven reflected CRCs (init all ones, final complement) for S3's flexible checksums:
/// CRC32 (IEEE), CRC32C (Castagnoli) and CRC64NVME. Results are big-endian, as S3 base64-encodes them.
/// </summary>
public sealed class ReflectedCrc
{
    public static readonly ReflectedCrc Crc32 = new(0xEDB88320UL, 32);
    public static readonly ReflectedCrc Crc32C = new(0x82F63B78UL, 32);
    public static readonly ReflectedCrc Crc64Nvme = new(0x9A6C9329AC4BC9B5UL, 64);

    private readonly ulong[] _table = new ulong[256];
    private readonly int _width;
    private readonly ulong _mask;

    private ReflectedCrc(ulong reflectedPolynomial, int width)
    {
        _width = width;
        _mask = width == 64 ? ulong.MaxValue : (1UL << width) - 1;
        for (var i = 0; i < 256; i++)
        {
            var crc = (ulong)i;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ reflectedPolynomial : crc >> 1;
            }

            _table[i] = crc;
        }
    }

    public byte[] Compute(ReadOnlySpan<byte> data)
    {
        var crc = _mask;
        foreach (var b in data)
        {
            crc = _table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        crc ^= _mask;
        var bytes = new byte[_width / 8];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[bytes.Length - 1 - i] = (byte)(crc >> (8 * i));
        }

        return bytes;
    }
}
