using System.Collections.Generic;

namespace PersonalizeDeletion.Fake.Signing;

/// <summary>An aws-chunked body after decoding: the payload and any trailing headers (e.g. x-amz-checksum-crc32).</summary>
public sealed record AwsChunkedBody(byte[] Payload, IReadOnlyDictionary<string, string> Trailers);
