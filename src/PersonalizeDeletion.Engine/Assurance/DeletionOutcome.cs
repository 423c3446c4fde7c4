using System.Collections.Generic;

namespace PersonalizeDeletion.Assurance
{
    /// <summary>
    /// The judgement of one deletion job: its <see cref="DeletionAssurance"/> and the findings behind it. A list is
    /// null when it could not be judged (the job has not completed, or a call it needs failed), empty when nothing
    /// was found.
    /// </summary>
    internal sealed class DeletionOutcome
    {
        public DeletionOutcome(
            DataDeletionJob job,
            DeletionAssurance assurance,
            IReadOnlyList<ConcurrentActivity>? concurrentActivity,
            IReadOnlyList<ModelToRetrain>? modelsToRetrain,
            IReadOnlyList<CampaignToUpdate>? campaignsToUpdate,
            IReadOnlyList<ExternalCopy>? externalCopies)
        {
            Job = job;
            Assurance = assurance;
            ConcurrentActivity = concurrentActivity;
            ModelsToRetrain = modelsToRetrain;
            CampaignsToUpdate = campaignsToUpdate;
            ExternalCopies = externalCopies;
        }

        public DataDeletionJob Job { get; }

        public DeletionAssurance Assurance { get; }

        /// <summary>The group's work that ran while the job ran (so far, for a job still running).</summary>
        public IReadOnlyList<ConcurrentActivity>? ConcurrentActivity { get; }

        public IReadOnlyList<ModelToRetrain>? ModelsToRetrain { get; }

        public IReadOnlyList<CampaignToUpdate>? CampaignsToUpdate { get; }

        public IReadOnlyList<ExternalCopy>? ExternalCopies { get; }
    }
}
