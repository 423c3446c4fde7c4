namespace PersonalizeDeletion.Personalize.Protocol
{
    internal sealed class DescribeDatasetGroupRequest : ResourceArnRequest
    {
        public DescribeDatasetGroupRequest(string arn)
            : base("DescribeDatasetGroup", "datasetGroupArn", arn)
        {
        }
    }
}
