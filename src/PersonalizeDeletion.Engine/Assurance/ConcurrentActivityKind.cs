namespace PersonalizeDeletion
{
    /// <summary>
    /// Work in a dataset group that the Personalize developer guide says voids a deletion's guarantee while it runs.
    /// The names are those of the Personalize resources, as the console, the CLI and AWS.Tools call them.
    /// </summary>
    public enum ConcurrentActivityKind
    {
        /// <summary>A solution version being trained (a custom model).</summary>
        SolutionVersion,

        /// <summary>A bulk import into one of the group's datasets.</summary>
        DatasetImportJob,

        /// <summary>A batch inference job reading a model of the group.</summary>
        BatchInferenceJob,

        /// <summary>A batch segment job reading a model of the group.</summary>
        BatchSegmentJob,

        /// <summary>A recommender of a domain dataset group being created (its models trained).</summary>
        Recommender,

        /// <summary>An update of a recommender, which retrains its models.</summary>
        RecommenderUpdate,
    }
}
