using System;

namespace PersonalizeDeletion.Personalize
{
    /// <summary>
    /// A recommender of a domain dataset group. ListRecommenders fills the summary members; an update in progress
    /// (<see cref="LatestUpdate"/>) shows in DescribeRecommender alone. Timestamps are UTC.
    /// </summary>
    internal sealed class RecommenderInfo
    {
        public string? Name { get; set; }
        public string? RecommenderArn { get; set; }
        public string? DatasetGroupArn { get; set; }
        public string? RecipeArn { get; set; }
        public string? Status { get; set; }
        public DateTime? CreationDateTime { get; set; }
        public DateTime? LastUpdatedDateTime { get; set; }
        public string? FailureReason { get; set; }
        public RecommenderUpdateInfo? LatestUpdate { get; set; }
    }
}
