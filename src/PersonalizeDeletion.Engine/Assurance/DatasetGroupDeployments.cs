using System.Collections.Generic;

namespace PersonalizeDeletion.Assurance
{
    /// <summary>
    /// Where a dataset group's models reach beyond training, which only a deletion's outcome needs: the campaigns that
    /// serve its solutions' versions and the S3 output of its batch jobs. A member is null when a call it needs failed.
    /// </summary>
    internal sealed class DatasetGroupDeployments
    {
        public DatasetGroupDeployments(IReadOnlyList<DeployedCampaign>? campaigns, IReadOnlyList<ExternalCopy>? batchOutputs)
        {
            Campaigns = campaigns;
            BatchOutputs = batchOutputs;
        }

        /// <summary>The campaigns that may serve recommendations (not failed, not being deleted).</summary>
        public IReadOnlyList<DeployedCampaign>? Campaigns { get; }

        /// <summary>The output of every batch job of the group, whenever it ran.</summary>
        public IReadOnlyList<ExternalCopy>? BatchOutputs { get; }
    }
}
