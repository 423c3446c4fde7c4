using System;
using PersonalizeDeletion.Aws;
using PersonalizeDeletion.Personalize;
using PersonalizeDeletion.Staging;

namespace PersonalizeDeletion.Requests
{
    /// <summary>
    /// The real services of one AWS session. Personalize clients come from the caller (which caches them across
    /// sessions and says which endpoint each calls); the S3 client is created at the first S3 call.
    /// </summary>
    internal sealed class AwsDeletionServices : IDeletionServices
    {
        private readonly Func<string, IPersonalizeClient> _personalize;
        private readonly LazyS3Client _s3;

        public AwsDeletionServices(AwsSession session, Func<string, IPersonalizeClient> personalizeForRegion)
        {
            _personalize = personalizeForRegion;
            _s3 = new LazyS3Client(() => session);
        }

        public IPersonalizeClient Personalize(string region) => _personalize(region);

        public IS3StagingClient Staging() => _s3.StagingClient();

        public IDataLocationInspector Inspector(string expectedBucketOwner) => _s3.Inspector(expectedBucketOwner);

        public void Dispose() => _s3.Dispose();
    }
}
