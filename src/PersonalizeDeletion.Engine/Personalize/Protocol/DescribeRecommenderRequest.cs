namespace PersonalizeDeletion.Personalize.Protocol
{
    internal sealed class DescribeRecommenderRequest : ResourceArnRequest
    {
        public DescribeRecommenderRequest(string arn)
            : base("DescribeRecommender", "recommenderArn", arn)
        {
        }
    }
}
