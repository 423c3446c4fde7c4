using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Xunit;

namespace PersonalizeDeletion.Tests.Fake;

/// <summary>The fake's S3 driven by the real AmazonS3Client 4.1 (path style, default flexible checksums).</summary>
public sealed class FakeS3Tests : IAsyncLifetime
{
    private const string Bucket = "personalize-staging";
    private readonly FakeHost _fake = new();
    private AmazonS3Client _s3 = null!;

    public async Task InitializeAsync()
    {
        await _fake.InitializeAsync();
        _s3 = CreateClient(SdkSignedPersonalizeClient.DefaultSecret);
    }

    public async Task DisposeAsync()
    {
        _s3.Dispose();
        await _fake.DisposeAsync();
    }

    [Fact]
    public async Task PutHeadGetListDelete_RoundTrip()
    {
        var body = "USER_ID\nu1\nu2\n";
        var put = await _s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = Bucket,
            Key = "runs/run 1/users+é.csv",
            ContentBody = body,
            ContentType = "text/csv",
            ServerSideEncryptionMethod = ServerSideEncryptionMethod.AWSKMS,
            ServerSideEncryptionKeyManagementServiceKeyId = "arn:aws:kms:us-east-1:123456789012:key/abc",
            ExpectedBucketOwner = "123456789012",
            Metadata = { ["purpose"] = "deletion" },
        });
        Assert.Equal($"\"{Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(body)))}\"", put.ETag);

        var head = await _s3.GetObjectMetadataAsync(Bucket, "runs/run 1/users+é.csv");
        Assert.Equal(body.Length, head.ContentLength);
        Assert.Equal("text/csv", head.Headers.ContentType);
        Assert.Equal("deletion", head.Metadata["purpose"]);
        Assert.Equal(ServerSideEncryptionMethod.AWSKMS, head.ServerSideEncryptionMethod);

        using (var get = await _s3.GetObjectAsync(Bucket, "runs/run 1/users+é.csv"))
        using (var reader = new StreamReader(get.ResponseStream))
        {
            Assert.Equal(body, await reader.ReadToEndAsync());
        }

        var objects = await _fake.Control.GetFromJsonAsync<JsonElement>("/_fake/s3/objects");
        var stored = Assert.Single(objects.EnumerateArray());
        Assert.Equal("aws:kms", stored.GetProperty("serverSideEncryption").GetString());
        Assert.Equal("arn:aws:kms:us-east-1:123456789012:key/abc", stored.GetProperty("sseKmsKeyId").GetString());
        Assert.Equal("123456789012", stored.GetProperty("expectedBucketOwner").GetString());
        Assert.Equal("CRC32", stored.GetProperty("checksumAlgorithm").GetString());
        var putRequest = (await _fake.Control.GetFromJsonAsync<JsonElement>("/_fake/requests")).EnumerateArray().First();
        Assert.Equal("STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER", Header(putRequest, "x-amz-content-sha256"));

        await _s3.DeleteObjectAsync(Bucket, "runs/run 1/users+é.csv");
        var missing = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => _s3.GetObjectAsync(Bucket, "runs/run 1/users+é.csv"));
        Assert.Equal("NoSuchKey", missing.ErrorCode);
    }

    /// <summary>
    /// Over plain HTTP the SDK signs payloads either as signed aws-chunked (the default, covered by the
    /// round trip) or, without chunk encoding, as a hex SHA-256; the unsigned modes are HTTPS-only in the SDK.
    /// </summary>
    [Fact]
    public async Task PutObject_WithoutChunkEncoding_SignsTheBodyHash()
    {
        await _s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = Bucket,
            Key = "mode.csv",
            ContentBody = "USER_ID\nu1\n",
            UseChunkEncoding = false,
        });

        var request = (await _fake.Control.GetFromJsonAsync<JsonElement>("/_fake/requests")).EnumerateArray().Single();
        Assert.Matches("^[0-9a-f]{64}$", Header(request, "x-amz-content-sha256"));
        Assert.Equal("USER_ID\nu1\n"u8.ToArray(), await _fake.Control.GetByteArrayAsync($"/_fake/s3/object?bucket={Bucket}&key=mode.csv"));
    }

    [Fact]
    public async Task MultipartUpload_Of12MiBInThreeParts_AssemblesTheObject()
    {
        var data = new byte[12 * 1024 * 1024];
        new Random(7).NextBytes(data);
        var sizes = new[] { 5 * 1024 * 1024, 5 * 1024 * 1024, 2 * 1024 * 1024 };

        var created = await _s3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest
        {
            BucketName = Bucket,
            Key = "big/users.csv",
            ContentType = "text/csv",
            ServerSideEncryptionMethod = ServerSideEncryptionMethod.AES256,
        });
        var offset = 0;
        var parts = new List<PartETag>();
        var uploads = new List<Task<UploadPartResponse>>();
        for (var i = 0; i < sizes.Length; i++)
        {
            uploads.Add(_s3.UploadPartAsync(new UploadPartRequest
            {
                BucketName = Bucket,
                Key = "big/users.csv",
                UploadId = created.UploadId,
                PartNumber = i + 1,
                InputStream = new MemoryStream(data, offset, sizes[i]),
                PartSize = sizes[i],
            }));
            offset += sizes[i];
        }

        var responses = await Task.WhenAll(uploads);
        parts.AddRange(responses.Select((r, i) => new PartETag(i + 1, r.ETag)));
        var open = await _fake.Control.GetFromJsonAsync<JsonElement>("/_fake/s3/uploads");
        Assert.Equal(3, Assert.Single(open.EnumerateArray()).GetProperty("parts").GetInt32());
        var listed = await _s3.ListMultipartUploadsAsync(new ListMultipartUploadsRequest { BucketName = Bucket });
        Assert.Equal(created.UploadId, Assert.Single(listed.MultipartUploads).UploadId);

        var completed = await _s3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = Bucket,
            Key = "big/users.csv",
            UploadId = created.UploadId,
            PartETags = parts,
        });

        var expectedETag = MD5.HashData(responses.SelectMany(r => Convert.FromHexString(r.ETag.Trim('"'))).ToArray());
        Assert.Equal($"\"{Convert.ToHexStringLower(expectedETag)}-3\"", completed.ETag);
        var stored = await _fake.Control.GetByteArrayAsync($"/_fake/s3/object?bucket={Bucket}&key=big/users.csv");
        Assert.Equal(data, stored);
        Assert.Empty((await _fake.Control.GetFromJsonAsync<JsonElement>("/_fake/s3/uploads")).EnumerateArray());
    }

    [Fact]
    public async Task CompleteMultipartUpload_WithASmallNonFinalPart_IsEntityTooSmall_AndAbortCleansUp()
    {
        var created = await _s3.InitiateMultipartUploadAsync(Bucket, "small/users.csv");
        var part1 = await _s3.UploadPartAsync(new UploadPartRequest { BucketName = Bucket, Key = "small/users.csv", UploadId = created.UploadId, PartNumber = 1, InputStream = new MemoryStream(new byte[1024]) });
        var part2 = await _s3.UploadPartAsync(new UploadPartRequest { BucketName = Bucket, Key = "small/users.csv", UploadId = created.UploadId, PartNumber = 2, InputStream = new MemoryStream(new byte[10]) });

        var error = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => _s3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
        {
            BucketName = Bucket,
            Key = "small/users.csv",
            UploadId = created.UploadId,
            PartETags = new List<PartETag> { new(1, part1.ETag), new(2, part2.ETag) },
        }));
        Assert.Equal("EntityTooSmall", error.ErrorCode);

        await _s3.AbortMultipartUploadAsync(Bucket, "small/users.csv", created.UploadId);
        Assert.Empty((await _fake.Control.GetFromJsonAsync<JsonElement>("/_fake/s3/uploads")).EnumerateArray());
        var gone = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => _s3.AbortMultipartUploadAsync(Bucket, "small/users.csv", created.UploadId));
        Assert.Equal("NoSuchUpload", gone.ErrorCode);
    }

    [Fact]
    public async Task ListObjectsV2_HonoursPrefixDelimiterAndContinuation()
    {
        foreach (var key in new[] { "a/1.csv", "a/2.csv", "a/sub/3.csv", "a/sub/4.csv", "a/z/5.csv", "b/6.csv" })
        {
            await _s3.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = key, ContentBody = "USER_ID\n" });
        }

        var keys = new List<string>();
        var prefixes = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket, Prefix = "a/", Delimiter = "/", MaxKeys = 2, ContinuationToken = token });
            keys.AddRange(page.S3Objects?.Select(o => o.Key) ?? Enumerable.Empty<string>());
            prefixes.AddRange(page.CommonPrefixes ?? new List<string>());
            token = page.IsTruncated == true ? page.NextContinuationToken : null;
            pages++;
        }
        while (token is not null);

        Assert.Equal(new[] { "a/1.csv", "a/2.csv" }, keys);
        Assert.Equal(new[] { "a/sub/", "a/z/" }, prefixes);
        Assert.Equal(2, pages);

        var flat = await _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket, Prefix = "a/sub/" });
        Assert.Equal(new[] { "a/sub/3.csv", "a/sub/4.csv" }, flat.S3Objects.Select(o => o.Key));
        Assert.All(flat.S3Objects, o => Assert.Equal(8, o.Size));
    }

    [Fact]
    public async Task BucketChecks_UseTheOwner()
    {
        await _fake.PostAsync("/_fake/s3/buckets", new { name = "foreign", owner = "999999999999" });

        var denied = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => _s3.PutObjectAsync(new PutObjectRequest { BucketName = "foreign", Key = "k", ContentBody = "x", ExpectedBucketOwner = "123456789012" }));
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal("AccessDenied", denied.ErrorCode);

        var missing = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = "no-such-bucket" }));
        Assert.Equal("NoSuchBucket", missing.ErrorCode);
        await _s3.PutObjectAsync(new PutObjectRequest { BucketName = "foreign", Key = "k", ContentBody = "x", ExpectedBucketOwner = "999999999999" });
    }

    [Fact]
    public async Task WrongSecret_IsSignatureDoesNotMatch_AndUnknownKeyIsInvalidAccessKeyId()
    {
        using var wrong = CreateClient("wrong-secret");
        var mismatch = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => wrong.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = "k", ContentBody = "x" }));
        Assert.Equal("SignatureDoesNotMatch", mismatch.ErrorCode);

        using var unknown = new AmazonS3Client(new BasicAWSCredentials("AKIANOBODY0000000000", "s"), Config());
        var notFound = await Assert.ThrowsAnyAsync<AmazonS3Exception>(() => unknown.ListObjectsV2Async(new ListObjectsV2Request { BucketName = Bucket }));
        Assert.Equal("InvalidAccessKeyId", notFound.ErrorCode);
        Assert.Empty((await _fake.Control.GetFromJsonAsync<JsonElement>("/_fake/s3/objects")).EnumerateArray());
    }

    [Fact]
    public async Task ClockSkew_IsCorrectedByTheSdkRetry()
    {
        await _fake.PostAsync("/_fake/config", new { clockOffsetSeconds = 1200 });

        await _s3.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = "skewed.csv", ContentBody = "USER_ID\nu1\n" });

        var log = (await _fake.Control.GetFromJsonAsync<JsonElement>("/_fake/requests")).EnumerateArray().ToList();
        Assert.Equal(new[] { "RequestTimeTooSkewed", null }, log.Select(e => e.GetProperty("errorCode").ValueKind == JsonValueKind.String ? e.GetProperty("errorCode").GetString() : null));
        Assert.Single((await _fake.Control.GetFromJsonAsync<JsonElement>("/_fake/s3/objects")).EnumerateArray());
    }

    [Fact]
    public async Task ThrottlingAndDroppedConnections_AreRetriedBySdk()
    {
        await _fake.PostAsync("/_fake/faults", new { operation = "s3:PutObject", kind = "throttle" });
        await _fake.PostAsync("/_fake/faults", new { operation = "s3:*", kind = "drop-before", count = 1 });

        await _s3.PutObjectAsync(new PutObjectRequest { BucketName = Bucket, Key = "retried.csv", ContentBody = "USER_ID\n" });

        var faults = (await _fake.Control.GetFromJsonAsync<JsonElement>("/_fake/requests")).EnumerateArray()
            .Select(e => e.GetProperty("fault").ValueKind == JsonValueKind.String ? e.GetProperty("fault").GetString() : null)
            .ToList();
        Assert.Equal(new[] { "throttle", "drop-before", null }, faults);
    }

    private static string? Header(JsonElement logEntry, string name) =>
        logEntry.GetProperty("headers").EnumerateObject().FirstOrDefault(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)).Value.GetString();

    private AmazonS3Client CreateClient(string secret) =>
        new(new BasicAWSCredentials(SdkSignedPersonalizeClient.DefaultAccessKey, secret), Config());

    private AmazonS3Config Config() => new()
    {
        ServiceURL = _fake.Url,
        ForcePathStyle = true,
        AuthenticationRegion = "us-east-1",
    };
}
