namespace PersonalizeDeletion.Personalize.Protocol
{
    internal sealed class DescribeDataDeletionJobRequest : ResourceArnRequest
    {
        public DescribeDataDeletionJobRequest(string arn)
            : base("DescribeDataDeletionJob", "dataDeletionJobArn", arn)
        {
        }
    }
}
