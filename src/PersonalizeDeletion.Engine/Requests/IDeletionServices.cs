using System;
using PersonalizeDeletion.Personalize;
using PersonalizeDeletion.Staging;

namespace PersonalizeDeletion.Requests
{
    /// <summary>The AWS services a deletion request calls for one set of credentials: Personalize per region, and S3.</summary>
    internal interface IDeletionServices : IDisposable
    {
        IPersonalizeClient Personalize(string region);

        IS3StagingClient Staging();

        IDataLocationInspector Inspector(string expectedBucketOwner);
    }
}
