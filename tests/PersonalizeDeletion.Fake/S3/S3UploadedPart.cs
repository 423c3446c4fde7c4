using System;

namespace PersonalizeDeletion.Fake.S3;

/// <summary>One uploaded part of a multipart upload.</summary>
public sealed record S3UploadedPart(int PartNumber, byte[] Data, string ETag, DateTimeOffset LastModified, (string Algorithm, string Value)? Checksum);
