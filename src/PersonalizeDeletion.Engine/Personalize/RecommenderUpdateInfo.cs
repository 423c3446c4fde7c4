using System;

namespace PersonalizeDeletion.Personalize
{
    /// <summary>The latest UpdateRecommender of a recommender, which retrains its models. Timestamps are UTC.</summary>
    internal sealed class RecommenderUpdateInfo
    {
        public string? Status { get; set; }
        public DateTime? CreationDateTime { get; set; }
        public DateTime? LastUpdatedDateTime { get; set; }
        public string? FailureReason { get; set; }
    }
}
