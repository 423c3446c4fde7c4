using System;

namespace PersonalizeDeletion.Personalize
{
    /// <summary>A custom solution as ListSolutions returns it. Timestamps are UTC.</summary>
    internal sealed class SolutionInfo
    {
        public string? Name { get; set; }
        public string? SolutionArn { get; set; }
        public string? Status { get; set; }
        public string? RecipeArn { get; set; }
        public DateTime? CreationDateTime { get; set; }
        public DateTime? LastUpdatedDateTime { get; set; }
    }
}
