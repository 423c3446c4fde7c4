namespace PersonalizeDeletion.Personalize.Protocol
{
    internal sealed class DescribeBatchInferenceJobRequest : ResourceArnRequest
    {
        public DescribeBatchInferenceJobRequest(string arn)
            : base("DescribeBatchInferenceJob", "batchInferenceJobArn", arn)
        {
        }
    }
}
