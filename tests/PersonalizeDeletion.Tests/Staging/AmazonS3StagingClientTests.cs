using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.S3;
using PersonalizeDeletion.Staging;
using PersonalizeDeletion.Tests.Aws;
using Xunit;

namespace PersonalizeDeletion.Tests.Staging
{
    /// <summary>
    /// The real SDK against a loopback HTTP stub: proves what goes over the wire, which the in-memory
    /// double cannot.
    /// </summary>
    public sealed class AmazonS3StagingClientTests : IDisposable
    {
        private const string Owner = "111122223333";

        private readonly HttpListener _listener = new HttpListener();
        private readonly List<RecordedRequest> _requests = new List<RecordedRequest>();
        private readonly Task _serving;
        private readonly AmazonS3Client _s3;
        private int _failuresToInject;

        public AmazonS3StagingClientTests()
        {
            int port = LoopbackPort.Free();
            _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
            _listener.Start();
            _serving = Task.Run(ServeAsync);
            _s3 = new AmazonS3Client(
                new BasicAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
                new AmazonS3Config { ServiceURL = $"http://127.0.0.1:{port}", ForcePathStyle = true, AuthenticationRegion = "us-east-1" });
        }

        public void Dispose()
        {
            _s3.Dispose();
            _listener.Stop();
            _listener.Close();
            _serving.GetAwaiter().GetResult();
        }

        [Fact]
        public async Task PutObjectSendsSseS3ExpectedOwnerMetadataAndTheBytes()
        {
            var client = new AmazonS3StagingClient(_s3);
            byte[] buffer = Encoding.UTF8.GetBytes("junkUSER_ID\nu1\njunk");

            string? eTag = await client.PutObjectAsync(Address("staging/a-001.csv"), Attributes(), new ArraySegment<byte>(buffer, 4, 11), CancellationToken.None);

            RecordedRequest put = Assert.Single(_requests);
            Assert.Equal("PUT", put.Method);
            Assert.Equal("/staging-bucket/staging/a-001.csv", put.Path);
            Assert.Equal("AES256", put.Headers["x-amz-server-side-encryption"]);
            Assert.Equal(Owner, put.Headers["x-amz-expected-bucket-owner"]);
            Assert.Equal("PersonalizeDeletion", put.Headers["x-amz-meta-staged-by"]);
            Assert.Equal("text/csv; charset=utf-8", put.Headers["Content-Type"]);
            Assert.False(put.Headers.ContainsKey("x-amz-server-side-encryption-aws-kms-key-id"));
            Assert.Equal("USER_ID\nu1\n", Encoding.UTF8.GetString(put.Payload));
            Assert.Equal("\"etag-1\"", eTag);
        }

        [Fact]
        public async Task PutObjectResendsTheSameBytesWhenTheSdkRetries()
        {
            _failuresToInject = 1;
            var client = new AmazonS3StagingClient(_s3);
            byte[] buffer = Encoding.UTF8.GetBytes("USER_ID\nu1\n");

            await client.PutObjectAsync(Address("k.csv"), Attributes(), new ArraySegment<byte>(buffer), CancellationToken.None);

            Assert.Equal(2, _requests.Count);
            Assert.Equal(buffer, _requests[0].Payload);
            Assert.Equal(buffer, _requests[1].Payload);
        }

        [Fact]
        public async Task MultipartCallsCarryEncryptionOwnerAndPartChecksums()
        {
            var client = new AmazonS3StagingClient(_s3);
            S3ObjectAddress address = Address("big.csv");
            byte[] part = Encoding.UTF8.GetBytes("USER_ID\nu1\n");

            string uploadId = await client.CreateMultipartUploadAsync(address, Attributes(), CancellationToken.None);
            S3UploadedPart uploaded = await client.UploadPartAsync(address, uploadId, 1, new ArraySegment<byte>(part), CancellationToken.None);
            string? eTag = await client.CompleteMultipartUploadAsync(address, uploadId, new[] { uploaded }, CancellationToken.None);
            await client.AbortMultipartUploadAsync(address, uploadId, CancellationToken.None);
            await client.DeleteObjectAsync(address, CancellationToken.None);

            Assert.Equal("upload-1", uploadId);
            Assert.Equal(new[] { "POST", "PUT", "POST", "DELETE", "DELETE" }, _requests.Select(r => r.Method));
            Assert.All(_requests, r => Assert.Equal(Owner, r.Headers["x-amz-expected-bucket-owner"]));

            RecordedRequest create = _requests[0];
            Assert.Contains("uploads", create.Query);
            Assert.Equal("AES256", create.Headers["x-amz-server-side-encryption"]);
            Assert.Equal("CRC32", create.Headers["x-amz-checksum-algorithm"]);
            Assert.Equal("PersonalizeDeletion", create.Headers["x-amz-meta-staged-by"]);

            Assert.Contains("partNumber=1", _requests[1].Query);
            Assert.Equal("\"part-1\"", uploaded.ETag);
            Assert.Equal("AAAAAA==", uploaded.ChecksumCrc32);

            string completion = Encoding.UTF8.GetString(_requests[2].Body);
            Assert.Contains("<ETag>\"part-1\"</ETag>", completion.Replace("&quot;", "\""));
            Assert.Contains("<ChecksumCRC32>AAAAAA==</ChecksumCRC32>", completion);
            Assert.Equal("\"etag-final\"", eTag);
            Assert.Contains("uploadId=upload-1", _requests[3].Query);
        }

        [Fact]
        public async Task ServiceErrorsBecomeS3RequestExceptions()
        {
            var client = new AmazonS3StagingClient(_s3);
            S3RequestException ex = await Assert.ThrowsAsync<S3RequestException>(() =>
                client.PutObjectAsync(Address("denied.csv"), Attributes(), new ArraySegment<byte>(new byte[] { 65 }), CancellationToken.None));
            Assert.Equal("AccessDenied", ex.ErrorCode);
            Assert.Equal(403, ex.StatusCode);
            Assert.Equal("REQ123", ex.RequestId);
        }

        [Fact]
        public async Task RefusesAnyEncryptionButSseS3()
        {
            var client = new AmazonS3StagingClient(_s3);
            var kms = new S3ObjectAttributes(S3ObjectAttributes.CsvContentType, "aws:kms", new Dictionary<string, string>());
            await Assert.ThrowsAsync<ArgumentException>(() => client.PutObjectAsync(Address("k.csv"), kms, new ArraySegment<byte>(new byte[] { 65 }), CancellationToken.None));
            Assert.Empty(_requests);
        }

        private static S3ObjectAddress Address(string key) => new S3ObjectAddress("staging-bucket", key, Owner);

        private static S3ObjectAttributes Attributes() =>
            new S3ObjectAttributes(S3ObjectAttributes.CsvContentType, S3ObjectAttributes.S3ManagedEncryption, new Dictionary<string, string> { ["staged-by"] = "PersonalizeDeletion" });

        private async Task ServeAsync()
        {
            while (true)
            {
                HttpListenerContext context;
                try
                {
                    context = await _listener.GetContextAsync();
                }
                catch (Exception ex) when (ex is HttpListenerException || ex is ObjectDisposedException || ex is InvalidOperationException)
                {
                    return;
                }

                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                HttpListenerRequest request = context.Request;
                var recorded = new RecordedRequest(
                    request.HttpMethod,
                    request.Url!.AbsolutePath,
                    request.Url.Query,
                    request.Headers.AllKeys.ToDictionary(k => k!, k => request.Headers[k]!, StringComparer.OrdinalIgnoreCase),
                    body.ToArray());
                lock (_requests)
                {
                    _requests.Add(recorded);
                }

                Respond(context.Response, recorded);
            }
        }

        private void Respond(HttpListenerResponse response, RecordedRequest request)
        {
            string xml = string.Empty;
            if (request.Path.Contains("denied", StringComparison.Ordinal))
            {
                response.StatusCode = 403;
                xml = "<Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>REQ123</RequestId></Error>";
            }
            else if (Interlocked.Decrement(ref _failuresToInject) >= 0)
            {
                response.StatusCode = 500;
                xml = "<Error><Code>InternalError</Code><Message>We encountered an internal error.</Message></Error>";
            }
            else if (request.Method == "POST" && request.Query.Contains("uploads", StringComparison.Ordinal))
            {
                xml = "<InitiateMultipartUploadResult><Bucket>staging-bucket</Bucket><Key>big.csv</Key><UploadId>upload-1</UploadId></InitiateMultipartUploadResult>";
            }
            else if (request.Method == "POST")
            {
                xml = "<CompleteMultipartUploadResult><Bucket>staging-bucket</Bucket><Key>big.csv</Key><ETag>\"etag-final\"</ETag></CompleteMultipartUploadResult>";
            }
            else if (request.Method == "PUT" && request.Query.Contains("partNumber", StringComparison.Ordinal))
            {
                response.AddHeader("ETag", "\"part-1\"");
                response.AddHeader("x-amz-checksum-crc32", "AAAAAA==");
            }
            else if (request.Method == "PUT")
            {
                response.AddHeader("ETag", "\"etag-1\"");
            }
            else if (request.Method == "DELETE")
            {
                response.StatusCode = 204;
            }

            byte[] bytes = Encoding.UTF8.GetBytes(xml);
            if (bytes.Length > 0)
            {
                response.ContentType = "application/xml";
            }

            response.ContentLength64 = bytes.Length;
            response.OutputStream.Write(bytes, 0, bytes.Length);
            response.Close();
        }

        private sealed class RecordedRequest
        {
            public RecordedRequest(string method, string path, string query, Dictionary<string, string> headers, byte[] body)
            {
                Method = method;
                Path = path;
                Query = query;
                Headers = headers;
                Body = body;
            }

            public string Method { get; }

            public string Path { get; }

            public string Query { get; }

            public Dictionary<string, string> Headers { get; }

            public byte[] Body { get; }

            /// <summary>The body without aws-chunked framing (the SDK streams signed chunks with a trailing checksum).</summary>
            public byte[] Payload
            {
                get
                {
                    if (!Headers.TryGetValue("x-amz-content-sha256", out string? mode) || !mode.StartsWith("STREAMING-", StringComparison.Ordinal))
                    {
                        return Body;
                    }

                    var payload = new MemoryStream();
                    int position = 0;
                    while (true)
                    {
                        int lineEnd = IndexOf(Body, position);
                        string sizeField = Encoding.ASCII.GetString(Body, position, lineEnd - position).Split(';')[0];
                        int size = Convert.ToInt32(sizeField, 16);
                        if (size == 0)
                        {
                            return payload.ToArray();
                        }

                        payload.Write(Body, lineEnd + 2, size);
                        position = lineEnd + 2 + size + 2;
                    }
                }
            }

            private static int IndexOf(byte[] bytes, int from)
            {
                for (int i = from; i + 1 < bytes.Length; i++)
                {
                    if (bytes[i] == '\r' && bytes[i + 1] == '\n')
                    {
                        return i;
                    }
                }

                throw new InvalidDataException("Malformed aws-chunked body.");
            }
        }
    }
}
