using System.Collections.Generic;

namespace PersonalizeDeletion.Fake.S3;

/// <summary>A request body after aws-chunked decoding and signature checks, with any trailing headers.</summary>
public sealed record S3Payload(byte[] Data, IReadOnlyDictionary<string, string> Trailers);
