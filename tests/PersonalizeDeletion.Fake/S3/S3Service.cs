using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using PersonalizeDeletion.Fake.Hosting;
using PersonalizeDeletion.Fake.Signing;

namespace PersonalizeDeletion.Fake.S3;

/// <summary>
/// The S3 operations an AmazonS3Client (path style) sends for staging files: objects, multipart
/// uploads, listing and bucket checks, answered from <see cref="S3Store"/> in S3's wire format.
/// </summary>
public sealed class S3Service
{
    private const string ExpectedOwnerHeader = "x-amz-expected-bucket-owner";
    private const int MaxPartNumber = 10000;

    private readonly S3Store _store;
    private readonly FakeClock _clock;

    public S3Service(S3Store store, FakeClock clock)
    {
        _store = store;
        _clock = clock;
    }

    public static S3Route Route(IncomingRequest request)
    {
        var path = request.DecodedPath.TrimStart('/');
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        var bucket = slash < 0 ? path : path[..slash];
        var key = slash < 0 ? string.Empty : path[(slash + 1)..];
        if (bucket.Length == 0)
        {
            return new S3Route(request.Method == "GET" ? "ListBuckets" : S3Route.Unsupported, null, null);
        }

        if (key.Length == 0)
        {
            var bucketOperation = request.Method switch
            {
                "HEAD" => "HeadBucket",
                "GET" when request.QueryValue("list-type") == "2" => "ListObjectsV2",
                "GET" when request.HasQuery("uploads") => "ListMultipartUploads",
                "GET" when request.HasQuery("location") => "GetBucketLocation",
                "PUT" when request.Query.Count == 0 => "CreateBucket",
                _ => S3Route.Unsupported,
            };
            return new S3Route(bucketOperation, bucket, null);
        }

        var objectOperation = request.Method switch
        {
            "PUT" when request.HasQuery("uploadId") && request.HasQuery("partNumber") => "UploadPart",
            "PUT" when request.Header("x-amz-copy-source") is not null => S3Route.Unsupported,
            "PUT" when request.Query.Count == 0 => "PutObject",
            "POST" when request.HasQuery("uploads") => "CreateMultipartUpload",
            "POST" when request.HasQuery("uploadId") => "CompleteMultipartUpload",
            "DELETE" when request.HasQuery("uploadId") => "AbortMultipartUpload",
            "DELETE" when request.Query.Count == 0 => "DeleteObject",
            "GET" when request.HasQuery("uploadId") => "ListParts",
            "GET" when !request.Query.Any(q => q.Key is "acl" or "tagging" or "attributes" or "torrent" or "retention" or "legal-hold") => "GetObject",
            "HEAD" => "HeadObject",
            _ => S3Route.Unsupported,
        };
        return new S3Route(objectOperation, bucket, key);
    }

    public FakeResponse Handle(S3Route route, IncomingRequest request, S3Payload payload, RequestRegion region)
    {
        var bucket = route.Bucket ?? string.Empty;
        var key = route.Key ?? string.Empty;
        return route.Operation switch
        {
            "ListBuckets" => ListBuckets(),
            "HeadBucket" => HeadBucket(request, region, bucket),
            "GetBucketLocation" => GetBucketLocation(request, bucket),
            "CreateBucket" => CreateBucket(request, region, bucket),
            "ListObjectsV2" => ListObjectsV2(request, region, bucket),
            "ListMultipartUploads" => ListMultipartUploads(request, region, bucket),
            "PutObject" => PutObject(request, region, payload, bucket, key),
            "GetObject" => GetObject(request, region, bucket, key, head: false),
            "HeadObject" => GetObject(request, region, bucket, key, head: true),
            "DeleteObject" => DeleteObject(request, region, bucket, key),
            "CreateMultipartUpload" => CreateMultipartUpload(request, region, bucket, key),
            "UploadPart" => UploadPart(request, region, payload, bucket, key),
            "CompleteMultipartUpload" => CompleteMultipartUpload(request, region, payload, bucket, key),
            "AbortMultipartUpload" => AbortMultipartUpload(request, region, bucket, key),
            "ListParts" => ListParts(request, region, bucket, key),
            _ => throw new S3ErrorException(501, "NotImplemented", "A header you provided implies functionality that is not implemented"),
        };
    }

    /// <summary>Renders an S3 error. HEAD responses carry no body, exactly as S3 sends them.</summary>
    public static FakeResponse ErrorResponse(S3ErrorException error, string requestId, bool head)
    {
        if (head)
        {
            var bodiless = new FakeResponse(error.Status) { ErrorCode = error.Code };
            bodiless.Headers.AddRange(error.Headers);
            return bodiless;
        }

        var root = new XElement(
            "Error",
            new XElement("Code", error.Code),
            new XElement("Message", error.Message),
            error.Details.Select(d => new XElement(d.Name, d.Value)),
            new XElement("RequestId", requestId),
            new XElement("HostId", HostId(requestId)));
        var response = new FakeResponse(error.Status) { Body = S3Xml.Serialize(root), ErrorCode = error.Code };
        response.Headers.Add(new("Content-Type", "application/xml"));
        response.Headers.AddRange(error.Headers);
        return response;
    }

    public static string HostId(string requestId) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.ASCII.GetBytes(requestId)));

    private FakeResponse ListBuckets()
    {
        var buckets = _store.AllBuckets().Select(b => b.Name).ToList();
        return S3Xml.Response(200, S3Xml.Element(
            "ListAllMyBucketsResult",
            S3Xml.Element("Owner", S3Xml.Element("ID", S3Store.DefaultOwner)),
            S3Xml.Element("Buckets", buckets.Select(b => S3Xml.Element("Bucket", S3Xml.Element("Name", b))))));
    }

    private FakeResponse HeadBucket(IncomingRequest request, RequestRegion region, string bucket)
    {
        var found = ExistingBucket(request, region, bucket);
        return new FakeResponse(200)
            .WithHeader("x-amz-bucket-region", found.Region)
            .WithHeader("x-amz-access-point-alias", "false");
    }

    /// <summary>GetBucketLocation answers from any region (it is how clients find a bucket's region); us-east-1 is an empty constraint.</summary>
    private FakeResponse GetBucketLocation(IncomingRequest request, string bucket)
    {
        var found = _store.FindBucket(bucket) ?? throw S3ErrorException.NoSuchBucket(bucket);
        CheckOwner(request, found);
        return S3Xml.Response(200, S3Xml.Element("LocationConstraint", found.Region == S3Store.DefaultRegion ? null : found.Region));
    }

    private FakeResponse CreateBucket(IncomingRequest request, RequestRegion region, string bucket)
    {
        var existing = _store.FindBucket(bucket);
        if (existing is not null)
        {
            throw new S3ErrorException(409, "BucketAlreadyOwnedByYou", "Your previous request to create the named bucket succeeded and you already own it.", ("BucketName", bucket));
        }

        CheckOwner(request, _store.EnsureBucket(bucket, LocationConstraint(request) ?? region.Name, _clock.UtcNow));
        return new FakeResponse(200).WithHeader("Location", "/" + bucket);
    }

    private FakeResponse ListObjectsV2(IncomingRequest request, RequestRegion region, string bucket)
    {
        ExistingBucket(request, region, bucket);
        var prefix = request.QueryValue("prefix") ?? string.Empty;
        var delimiter = request.QueryValue("delimiter");
        var startAfter = request.QueryValue("start-after");
        var continuation = request.QueryValue("continuation-token");
        var maxKeys = MaxKeys(request.QueryValue("max-keys"), "max-keys");
        var urlEncoded = request.QueryValue("encoding-type") == "url";

        string? after = startAfter;
        string? skipPrefix = null;
        if (continuation is not null)
        {
            var position = DecodeContinuation(continuation);
            after = position.IsCommonPrefix ? null : position.Value;
            skipPrefix = position.IsCommonPrefix ? position.Value : null;
            if (position.IsCommonPrefix && (startAfter is null || string.CompareOrdinal(position.Value, startAfter) > 0))
            {
                after = startAfter;
            }
        }

        var page = _store.List(bucket, prefix, delimiter, after, skipPrefix, maxKeys);
        string Encode(string value) => urlEncoded ? SigV4Crypto.UriEncode(value, keepSlash: true) : value;
        var root = S3Xml.Element(
            "ListBucketResult",
            S3Xml.Element("Name", bucket),
            S3Xml.Element("Prefix", Encode(prefix)),
            delimiter is null ? null : S3Xml.Element("Delimiter", Encode(delimiter)),
            S3Xml.Element("MaxKeys", maxKeys),
            urlEncoded ? S3Xml.Element("EncodingType", "url") : null,
            S3Xml.Element("KeyCount", page.Objects.Count + page.CommonPrefixes.Count),
            S3Xml.Element("IsTruncated", page.IsTruncated ? "true" : "false"),
            continuation is null ? null : S3Xml.Element("ContinuationToken", continuation),
            page.Next is null ? null : S3Xml.Element("NextContinuationToken", EncodeContinuation(page.Next)),
            startAfter is null ? null : S3Xml.Element("StartAfter", Encode(startAfter)),
            page.Objects.Select(o => S3Xml.Element(
                "Contents",
                S3Xml.Element("Key", Encode(o.Key)),
                S3Xml.Element("LastModified", S3Xml.Timestamp(o.LastModified)),
                S3Xml.Element("ETag", o.ETag),
                o.Checksum is { } checksum ? S3Xml.Element("ChecksumAlgorithm", checksum.Algorithm) : null,
                o.Checksum is not null ? S3Xml.Element("ChecksumType", "FULL_OBJECT") : null,
                S3Xml.Element("Size", o.Data.LongLength),
                S3Xml.Element("StorageClass", "STANDARD"))),
            page.CommonPrefixes.Select(p => S3Xml.Element("CommonPrefixes", S3Xml.Element("Prefix", Encode(p)))));
        return S3Xml.Response(200, root);
    }

    private FakeResponse ListMultipartUploads(IncomingRequest request, RequestRegion region, string bucket)
    {
        ExistingBucket(request, region, bucket);
        var prefix = request.QueryValue("prefix") ?? string.Empty;
        var maxUploads = MaxKeys(request.QueryValue("max-uploads"), "max-uploads");
        var uploads = _store.Uploads(bucket).Where(u => u.Key.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        var truncated = uploads.Count > maxUploads;
        var shown = uploads.Take(maxUploads).ToList();
        var root = S3Xml.Element(
            "ListMultipartUploadsResult",
            S3Xml.Element("Bucket", bucket),
            S3Xml.Element("KeyMarker", request.QueryValue("key-marker") ?? string.Empty),
            S3Xml.Element("UploadIdMarker", request.QueryValue("upload-id-marker") ?? string.Empty),
            S3Xml.Element("NextKeyMarker", truncated ? shown[^1].Key : string.Empty),
            S3Xml.Element("NextUploadIdMarker", truncated ? shown[^1].UploadId : string.Empty),
            S3Xml.Element("Prefix", prefix),
            S3Xml.Element("MaxUploads", maxUploads),
            S3Xml.Element("IsTruncated", truncated ? "true" : "false"),
            shown.Select(u => S3Xml.Element(
                "Upload",
                S3Xml.Element("Key", u.Key),
                S3Xml.Element("UploadId", u.UploadId),
                S3Xml.Element("Initiator", S3Xml.Element("ID", u.ExpectedBucketOwner ?? S3Store.DefaultOwner), S3Xml.Element("DisplayName", "fake")),
                S3Xml.Element("Owner", S3Xml.Element("ID", u.ExpectedBucketOwner ?? S3Store.DefaultOwner), S3Xml.Element("DisplayName", "fake")),
                S3Xml.Element("StorageClass", "STANDARD"),
                S3Xml.Element("Initiated", S3Xml.Timestamp(u.Initiated)),
                u.ChecksumAlgorithm is null ? null : S3Xml.Element("ChecksumAlgorithm", u.ChecksumAlgorithm))));
        return S3Xml.Response(200, root);
    }

    private FakeResponse PutObject(IncomingRequest request, RequestRegion region, S3Payload payload, string bucket, string key)
    {
        var target = WritableBucket(request, region, bucket);
        CheckContentMd5(request, payload.Data);
        var checksum = VerifyChecksum(request, payload);
        var stored = new S3StoredObject
        {
            Bucket = target.Name,
            Key = key,
            Data = payload.Data,
            ContentType = request.Header("Content-Type") ?? "binary/octet-stream",
            Metadata = Metadata(request),
            ETag = S3Store.ETagOf(payload.Data),
            LastModified = _clock.UtcNow,
            Encryption = S3Encryption.FromHeaders(request.Header),
            ExpectedBucketOwner = request.Header(ExpectedOwnerHeader),
            Checksum = checksum,
        };
        _store.Put(stored);
        var response = new FakeResponse(200).WithHeader("ETag", stored.ETag);
        response.Headers.AddRange(stored.Encryption.ResponseHeaders());
        if (checksum is { } sum)
        {
            response.WithHeader(S3Checksums.HeaderName(sum.Algorithm), sum.Value).WithHeader("x-amz-checksum-type", "FULL_OBJECT");
        }

        return response;
    }

    private FakeResponse GetObject(IncomingRequest request, RequestRegion region, string bucket, string key, bool head)
    {
        ExistingBucket(request, region, bucket);
        var stored = _store.Find(bucket, key) ?? throw S3ErrorException.NoSuchKey(key);
        CheckPreconditions(request, stored);

        var data = stored.Data.AsMemory();
        var status = 200;
        string? contentRange = null;
        if (request.Header("Range") is { } range)
        {
            var (start, end) = ParseRange(range, stored.Data.LongLength);
            data = data[(int)start..(int)(end + 1)];
            status = 206;
            contentRange = string.Create(CultureInfo.InvariantCulture, $"bytes {start}-{end}/{stored.Data.LongLength}");
        }

        var response = new FakeResponse(status)
        {
            Body = head ? ReadOnlyMemory<byte>.Empty : data,
            ContentLengthOverride = head ? data.Length : null,
        };
        response.WithHeader("Content-Type", stored.ContentType)
            .WithHeader("ETag", stored.ETag)
            .WithHeader("Last-Modified", stored.LastModified.UtcDateTime.ToString("r", CultureInfo.InvariantCulture))
            .WithHeader("Accept-Ranges", "bytes");
        if (contentRange is not null)
        {
            response.WithHeader("Content-Range", contentRange);
        }

        response.Headers.AddRange(stored.Encryption.ResponseHeaders());
        foreach (var (name, value) in stored.Metadata)
        {
            response.WithHeader("x-amz-meta-" + name, value);
        }

        // The SDK validates a full-object checksum it is given, so echo only one it can recompute:
        // the whole object's, when it asked for checksums and no range was requested.
        if (stored.Checksum is { } checksum && contentRange is null
            && string.Equals(request.Header("x-amz-checksum-mode"), "ENABLED", StringComparison.OrdinalIgnoreCase))
        {
            response.WithHeader(S3Checksums.HeaderName(checksum.Algorithm), checksum.Value).WithHeader("x-amz-checksum-type", "FULL_OBJECT");
        }

        return response;
    }

    private FakeResponse DeleteObject(IncomingRequest request, RequestRegion region, string bucket, string key)
    {
        ExistingBucket(request, region, bucket);
        _store.Delete(bucket, key);
        return new FakeResponse(204);
    }

    private FakeResponse CreateMultipartUpload(IncomingRequest request, RequestRegion region, string bucket, string key)
    {
        var target = WritableBucket(request, region, bucket);
        var algorithm = request.Header("x-amz-checksum-algorithm");
        if (algorithm is not null && !S3Checksums.IsKnown(algorithm))
        {
            throw S3ErrorException.InvalidArgument("Checksum algorithm provided is unsupported.", "x-amz-checksum-algorithm", algorithm);
        }

        var upload = _store.CreateUpload(new S3MultipartUpload
        {
            Bucket = target.Name,
            Key = key,
            UploadId = NewUploadId(),
            Initiated = _clock.UtcNow,
            ContentType = request.Header("Content-Type") ?? "binary/octet-stream",
            Metadata = Metadata(request),
            Encryption = S3Encryption.FromHeaders(request.Header),
            ExpectedBucketOwner = request.Header(ExpectedOwnerHeader),
            ChecksumAlgorithm = algorithm?.ToUpperInvariant(),
        });
        var response = S3Xml.Response(200, S3Xml.Element(
            "InitiateMultipartUploadResult",
            S3Xml.Element("Bucket", upload.Bucket),
            S3Xml.Element("Key", upload.Key),
            S3Xml.Element("UploadId", upload.UploadId)));
        response.Headers.AddRange(upload.Encryption.ResponseHeaders());
        if (upload.ChecksumAlgorithm is not null)
        {
            response.WithHeader("x-amz-checksum-algorithm", upload.ChecksumAlgorithm).WithHeader("x-amz-checksum-type", "COMPOSITE");
        }

        return response;
    }

    private FakeResponse UploadPart(IncomingRequest request, RequestRegion region, S3Payload payload, string bucket, string key)
    {
        ExistingBucket(request, region, bucket);
        var uploadId = request.QueryValue("uploadId")!;
        var numberText = request.QueryValue("partNumber")!;
        if (!int.TryParse(numberText, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1 || number > MaxPartNumber)
        {
            throw S3ErrorException.InvalidArgument("Part number must be an integer between 1 and 10000, inclusive", "partNumber", numberText);
        }

        var upload = _store.FindUpload(bucket, key, uploadId);
        CheckContentMd5(request, payload.Data);
        var checksum = VerifyChecksum(request, payload);
        var part = new S3UploadedPart(number, payload.Data, S3Store.ETagOf(payload.Data), _clock.UtcNow, checksum);
        _store.AddPart(bucket, key, uploadId, part);
        var response = new FakeResponse(200).WithHeader("ETag", part.ETag);
        response.Headers.AddRange(upload.Encryption.ResponseHeaders());
        if (checksum is { } sum)
        {
            response.WithHeader(S3Checksums.HeaderName(sum.Algorithm), sum.Value);
        }

        return response;
    }

    private FakeResponse CompleteMultipartUpload(IncomingRequest request, RequestRegion region, S3Payload payload, string bucket, string key)
    {
        ExistingBucket(request, region, bucket);
        var uploadId = request.QueryValue("uploadId")!;
        var upload = _store.FindUpload(bucket, key, uploadId);
        var document = S3Xml.Parse(payload.Data);
        var requested = new List<(int, string)>();
        foreach (var part in document.Root?.Elements().Where(e => e.Name.LocalName == "Part") ?? Enumerable.Empty<XElement>())
        {
            var numberText = part.Elements().FirstOrDefault(e => e.Name.LocalName == "PartNumber")?.Value;
            var etag = part.Elements().FirstOrDefault(e => e.Name.LocalName == "ETag")?.Value;
            if (!int.TryParse(numberText, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || etag is null)
            {
                throw new S3ErrorException(400, "MalformedXML", "The XML you provided was not well-formed or did not validate against our published schema");
            }

            requested.Add((number, etag));
        }

        var parts = _store.SelectParts(bucket, key, uploadId, requested);
        var data = new byte[parts.Sum(p => (long)p.Data.Length)];
        var offset = 0;
        foreach (var part in parts)
        {
            Buffer.BlockCopy(part.Data, 0, data, offset, part.Data.Length);
            offset += part.Data.Length;
        }

        var assembled = new S3StoredObject
        {
            Bucket = bucket,
            Key = key,
            Data = data,
            ContentType = upload.ContentType,
            Metadata = upload.Metadata,
            ETag = S3Store.MultipartETag(parts),
            LastModified = _clock.UtcNow,
            Encryption = upload.Encryption,
            ExpectedBucketOwner = upload.ExpectedBucketOwner,
            PartsCount = parts.Count,
        };
        _store.FinishUpload(uploadId, assembled);
        var response = S3Xml.Response(200, S3Xml.Element(
            "CompleteMultipartUploadResult",
            S3Xml.Element("Location", $"http://{request.Header("Host")}/{bucket}/{SigV4Crypto.UriEncode(key, keepSlash: true)}"),
            S3Xml.Element("Bucket", bucket),
            S3Xml.Element("Key", key),
            S3Xml.Element("ETag", assembled.ETag)));
        response.Headers.AddRange(assembled.Encryption.ResponseHeaders());
        return response;
    }

    private FakeResponse AbortMultipartUpload(IncomingRequest request, RequestRegion region, string bucket, string key)
    {
        ExistingBucket(request, region, bucket);
        _store.AbortUpload(bucket, key, request.QueryValue("uploadId")!);
        return new FakeResponse(204);
    }

    private FakeResponse ListParts(IncomingRequest request, RequestRegion region, string bucket, string key)
    {
        ExistingBucket(request, region, bucket);
        var upload = _store.FindUpload(bucket, key, request.QueryValue("uploadId")!);
        var parts = _store.SelectAllParts(upload);
        return S3Xml.Response(200, S3Xml.Element(
            "ListPartsResult",
            S3Xml.Element("Bucket", bucket),
            S3Xml.Element("Key", key),
            S3Xml.Element("UploadId", upload.UploadId),
            S3Xml.Element("StorageClass", "STANDARD"),
            S3Xml.Element("MaxParts", 1000),
            S3Xml.Element("IsTruncated", "false"),
            parts.Select(p => S3Xml.Element(
                "Part",
                S3Xml.Element("PartNumber", p.PartNumber),
                S3Xml.Element("LastModified", S3Xml.Timestamp(p.LastModified)),
                S3Xml.Element("ETag", p.ETag),
                S3Xml.Element("Size", p.Data.Length),
                p.Checksum is { } c ? S3Xml.Element("Checksum" + c.Algorithm, c.Value) : null))));
    }

    private S3Bucket ExistingBucket(IncomingRequest request, RequestRegion region, string name)
    {
        var bucket = _store.FindBucket(name) ?? throw S3ErrorException.NoSuchBucket(name);
        CheckRegion(bucket, region);
        CheckOwner(request, bucket);
        return bucket;
    }

    private S3Bucket WritableBucket(IncomingRequest request, RequestRegion region, string name)
    {
        var bucket = _store.EnsureBucket(name, region.Name, _clock.UtcNow);
        CheckRegion(bucket, region);
        CheckOwner(request, bucket);
        return bucket;
    }

    private static void CheckRegion(S3Bucket bucket, RequestRegion region)
    {
        if (bucket.Region != region.Name)
        {
            throw S3ErrorException.WrongRegion(bucket.Name, bucket.Region, region.Name, region.FromEndpoint);
        }
    }

    /// <summary>The region a CreateBucket body asks for (CreateBucketConfiguration/LocationConstraint), if any.</summary>
    private static string? LocationConstraint(IncomingRequest request)
    {
        if (request.Body.Length == 0)
        {
            return null;
        }

        var constraint = S3Xml.Parse(request.Body).Root?.Elements().FirstOrDefault(e => e.Name.LocalName == "LocationConstraint")?.Value;
        return string.IsNullOrEmpty(constraint) ? null : constraint;
    }

    private static void CheckOwner(IncomingRequest request, S3Bucket bucket)
    {
        var expected = request.Header(ExpectedOwnerHeader);
        if (expected is not null && expected != bucket.Owner)
        {
            throw S3ErrorException.AccessDenied();
        }
    }

    private static void CheckContentMd5(IncomingRequest request, byte[] data)
    {
        var md5 = request.Header("Content-MD5");
        if (md5 is not null && md5 != Convert.ToBase64String(MD5.HashData(data)))
        {
            throw new S3ErrorException(400, "BadDigest", "The Content-MD5 you specified did not match what we received.", ("ExpectedDigest", md5));
        }
    }

    /// <summary>
    /// Checks a flexible checksum sent as a header or as an aws-chunked trailer (named by x-amz-trailer)
    /// and returns it for storage, as S3 does.
    /// </summary>
    private static (string Algorithm, string Value)? VerifyChecksum(IncomingRequest request, S3Payload payload)
    {
        foreach (var algorithm in S3Checksums.Algorithms)
        {
            var header = S3Checksums.HeaderName(algorithm);
            var sent = request.Header(header) ?? (payload.Trailers.TryGetValue(header, out var trailer) ? trailer : null);
            if (sent is null)
            {
                continue;
            }

            var computed = S3Checksums.Compute(algorithm, payload.Data);
            if (computed != sent)
            {
                throw new S3ErrorException(400, "BadDigest", $"The {algorithm} you specified did not match the calculated checksum.");
            }

            return (algorithm, computed);
        }

        var declared = request.Header("x-amz-trailer");
        if (declared is not null && !payload.Trailers.ContainsKey(declared.Trim()))
        {
            throw new S3ErrorException(400, "InvalidRequest", $"The request declared the trailer '{declared}' but did not send it.");
        }

        return null;
    }

    private static void CheckPreconditions(IncomingRequest request, S3StoredObject stored)
    {
        var ifMatch = request.Header("If-Match");
        if (ifMatch is not null && S3Store.Unquote(ifMatch) != S3Store.Unquote(stored.ETag) && ifMatch != "*")
        {
            throw new S3ErrorException(412, "PreconditionFailed", "At least one of the pre-conditions you specified did not hold", ("Condition", "If-Match"));
        }

        var ifNoneMatch = request.Header("If-None-Match");
        if (ifNoneMatch is not null && (S3Store.Unquote(ifNoneMatch) == S3Store.Unquote(stored.ETag) || ifNoneMatch == "*"))
        {
            throw new S3ErrorException(304, "NotModified", "Not Modified");
        }
    }

    private static (long Start, long End) ParseRange(string range, long length)
    {
        var invalid = new S3ErrorException(416, "InvalidRange", "The requested range is not satisfiable", ("RangeRequested", range), ("ActualObjectSize", length.ToString(CultureInfo.InvariantCulture)));
        if (!range.StartsWith("bytes=", StringComparison.Ordinal) || range.Contains(',', StringComparison.Ordinal))
        {
            throw invalid;
        }

        var spec = range["bytes=".Length..].Split('-', 2);
        if (spec.Length != 2)
        {
            throw invalid;
        }

        long start, end;
        if (spec[0].Length == 0)
        {
            // A suffix range: the last N bytes.
            if (!long.TryParse(spec[1], NumberStyles.None, CultureInfo.InvariantCulture, out var suffix) || suffix == 0)
            {
                throw invalid;
            }

            start = Math.Max(0, length - suffix);
            end = length - 1;
        }
        else
        {
            if (!long.TryParse(spec[0], NumberStyles.None, CultureInfo.InvariantCulture, out start))
            {
                throw invalid;
            }

            end = spec[1].Length == 0 ? length - 1 : long.TryParse(spec[1], NumberStyles.None, CultureInfo.InvariantCulture, out var e) ? Math.Min(e, length - 1) : throw invalid;
        }

        return start >= length || start > end ? throw invalid : (start, end);
    }

    private static Dictionary<string, string> Metadata(IncomingRequest request)
    {
        const string prefix = "x-amz-meta-";
        return request.Headers
            .Where(h => h.Key.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .ToDictionary(h => h.Key[prefix.Length..].ToLowerInvariant(), h => h.Value, StringComparer.Ordinal);
    }

    private static int MaxKeys(string? text, string name)
    {
        if (text is null)
        {
            return 1000;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? Math.Min(value, 1000)
            : throw S3ErrorException.InvalidArgument("Provided max-keys not an integer or within integer range", name, text);
    }

    private static string EncodeContinuation(S3ListPosition position) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes((position.IsCommonPrefix ? "p:" : "k:") + position.Value));

    private static S3ListPosition DecodeContinuation(string token)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(token));
            if (text.StartsWith("k:", StringComparison.Ordinal) || text.StartsWith("p:", StringComparison.Ordinal))
            {
                return new S3ListPosition(text[2..], text[0] == 'p');
            }
        }
        catch (FormatException)
        {
            // Reported below like any other token S3 did not issue.
        }

        throw S3ErrorException.InvalidArgument("The continuation token provided is incorrect", "continuation-token", token);
    }

    private static string NewUploadId()
    {
        Span<byte> bytes = stackalloc byte[48];
        RandomNumberGenerator.Fill(bytes);
        return Convert.ToBase64String(bytes).Replace('+', '.').Replace('/', '_').TrimEnd('=');
    }
}
