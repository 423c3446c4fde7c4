using System;

namespace PersonalizeDeletion.Personalize
{
    /// <summary>A dataset as ListDatasets returns it (<see cref="DatasetType"/>: Interactions, Items, Users, ...). Timestamps are UTC.</summary>
    internal sealed class DatasetInfo
    {
        public string? Name { get; set; }
        public string? DatasetArn { get; set; }
        public string? DatasetType { get; set; }
        public string? Status { get; set; }
        public DateTime? CreationDateTime { get; set; }
        public DateTime? LastUpdatedDateTime { get; set; }
    }
}
