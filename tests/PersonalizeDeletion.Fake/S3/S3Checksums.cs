using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;

namespace PersonalizeDeletion.Fake.S3;

/// <summary>The flexible checksum algorithms S3 accepts and the x-amz-checksum-* headers that carry them.</summary>
public static class S3Checksums
{
    public static readonly IReadOnlyList<string> Algorithms = new[] { "CRC32", "CRC32C", "CRC64NVME", "SHA1", "SHA256" };

    public static string HeaderName(string algorithm) => "x-amz-checksum-" + algorithm.ToLowerInvariant();

    public static bool IsKnown(string algorithm) => Algorithms.Contains(algorithm, StringComparer.OrdinalIgnoreCase);

    /// <summary>The base64 checksum S3 reports for <paramref name="data"/>.</summary>
    public static string Compute(string algorithm, ReadOnlySpan<byte> data) => Convert.ToBase64String(algorithm.ToUpperInvariant() switch
    {
        "CRC32" => ReflectedCrc.Crc32.Compute(data),
        "CRC32C" => ReflectedCrc.Crc32C.Compute(data),
        "CRC64NVME" => ReflectedCrc.Crc64Nvme.Compute(data),
        "SHA1" => SHA1.HashData(data),
        "SHA256" => SHA256.HashData(data),
        _ => throw new ArgumentException($"Unknown checksum algorithm '{algorithm}'.", nameof(algorithm)),
    });
}
