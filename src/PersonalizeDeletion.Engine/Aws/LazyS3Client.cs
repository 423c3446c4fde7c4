using System;
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

        private IAmazonS3 Client => _client ??= _session().CreateS3Client();

        public S3DataLocationInspector Inspector(string? expectedBucketOwner) => new S3DataLocationInspector(Client, expectedBucketOwner);

        public IS3StagingClient StagingClient() => new AmazonS3StagingClient(Client);

        public void Dispose()
        {
            _client?.Dispose();
            _client = null;
        }
    }
}
