using System;
using System.Threading;
using Amazon.S3;
using PersonalizeDeletion.Staging;

namespace PersonalizeDeletion.Aws
{
    /// <summary>
    /// The S3 client of one command or batch: created at the first S3 call from the session it started with, and
    /// disposed with its owner. Cmdlets hold this rather than an <c>IAmazonS3</c>: the cmdlet assembly lives in
    /// PowerShell's default load context and names no AWS SDK type.
    /// </summary>
    internal sealed class LazyS3Client : IDisposable
    {
        private readonly Func<AwsSession> _session;
        private IAmazonS3? _client;

        /// <param name="session">Called once, at the first S3 call.</param>
        public LazyS3Client(Func<AwsSession> session)
        {
            _session = session;
        }

        /// <summary>Whether an S3 call was made (and so the client exists).</summary>
        public bool IsCreated => _client is not null;

        private IAmazonS3 Client => _client ??= _session().CreateS3Client();

        public S3DataLocationInspector Inspector(string? expectedBucketOwner) => new S3DataLocationInspector(Client, expectedBucketOwner);

        public IS3StagingClient StagingClient() => new AmazonS3StagingClient(Client);

        /// <summary>
        /// Best-effort removal of an object this module staged, for clean-up paths: false, never an exception, when
        /// S3 refuses, the network fails or the time runs out (the object then stays for the bucket's lifecycle rule).
        /// </summary>
        public bool TryDeleteStaged(StagedObject staged, string? expectedBucketOwner, TimeSpan timeout)
        {
            using var cancellation = new CancellationTokenSource(timeout);
            try
            {
                Inspector(expectedBucketOwner).DeleteAsync(staged.Bucket, staged.Key, cancellation.Token).GetAwaiter().GetResult();
                return true;
            }
            catch (Exception failure) when (failure is S3RequestException || failure is OperationCanceledException || failure is Amazon.Runtime.AmazonClientException || failure is System.Net.Http.HttpRequestException)
            {
                return false;
            }
        }

        public void Dispose()
        {
            _client?.Dispose();
            _client = null;
        }
    }
}
