namespace PersonalizeDeletion.Personalize.Protocol
{
    internal sealed class DescribeBatchSegmentJobRequest : ResourceArnRequest
    {
        public DescribeBatchSegmentJobRequest(string arn)
            : base("DescribeBatchSegmentJob", "batchSegmentJobArn", arn)
        {
        }
    }
}
