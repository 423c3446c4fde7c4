namespace PersonalizeDeletion
{
    /// <summary>
    /// What a deletion job's outcome assures, one value by precedence: the first that applies, in the order below.
    /// The names are public API.
    /// </summary>
    public enum DeletionAssurance
    {
        /// <summary>The job FAILED: none of its users were deleted. Fix the cause (FailureReason) and submit again.</summary>
        Failed,

        /// <summary>The job has not finished; nothing can be assured yet.</summary>
        Unfinished,

        /// <summary>
        /// The job COMPLETED but deleted no records: none of its user IDs had data in the dataset group (IDs of another
        /// system, such as e-mail addresses where the datasets hold internal IDs, are the usual cause).
        /// </summary>
        NoRecordsDeleted,

        /// <summary>
        /// Training, a bulk import, a batch job or a recommender creation or update ran while the job ran: the service
        /// cannot guarantee the users' data left the models. Submit the same users again once that work is done.
        /// </summary>
        RerunRecommended,

        /// <summary>
        /// Records were deleted, but models trained before the deletion still hold the users' data: train new solution
        /// versions (ModelsToRetrain) and update the campaigns that deploy the old ones (CampaignsToUpdate).
        /// </summary>
        RetrainModels,

        /// <summary>
        /// Records were deleted and nothing found calls for more, but a check could not be made (a permission was
        /// missing, or the service did not answer): the warnings name it. Grant it and judge the job again.
        /// </summary>
        Unverified,

        /// <summary>Completed, records deleted, nothing ran alongside, no model or campaign left to retrain or update.</summary>
        Verified,
    }
}
