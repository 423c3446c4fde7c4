using System;
using System.Collections.Generic;
using System.Linq;

namespace PersonalizeDeletion.Assurance
{
    /// <summary>
    /// Judges a deletion job against what its dataset group holds. Pure and clock-free: the job's run is its creation
    /// time to its completion time (its last update once finished), and work still in progress counts as running on.
    /// The rules:
    /// <list type="bullet">
    /// <item>ConcurrentActivity: the group's work whose run overlaps the job's, both ends exclusive (work created
    /// exactly when the job completed, or finished exactly when it began, did not overlap).</item>
    /// <item>ModelsToRetrain: each solution with an ACTIVE version and no ACTIVE full training (not an UPDATE, which
    /// only adds to an earlier model) created at or after the completion. It names the newest ACTIVE version.</item>
    /// <item>CampaignsToUpdate: each campaign that may serve whose deployed version is not such a post-deletion
    /// training, whatever its solution: a retrained solution does not help while its campaign deploys the old model.</item>
    /// <item>ExternalCopies: the output of the group's batch jobs created before the completion.</item>
    /// </list>
    /// A time the service left out is taken the way that does not hide data: an unknown creation as before, an
    /// unknown completion as not yet.
    /// </summary>
    internal static class OutcomeJudge
    {
        public static DeletionOutcome Judge(DataDeletionJob job, DatasetGroupResources? resources, DatasetGroupDeployments? deployments)
        {
            if (job is null)
            {
                throw new ArgumentNullException(nameof(job));
            }

            if (Is(job.Status, DataDeletionJob.StatusFailed))
            {
                return new DeletionOutcome(job, DeletionAssurance.Failed, null, null, null, null);
            }

            bool completed = Is(job.Status, DataDeletionJob.StatusCompleted);
            DateTime? end = completed ? job.LastUpdatedDateTime : null;
            List<ConcurrentActivity>? overlapping = resources?.Activity?.Where(activity => Overlaps(activity, job.CreationDateTime, end)).ToList();
            if (!completed)
            {
                return new DeletionOutcome(job, DeletionAssurance.Unfinished, overlapping, null, null, null);
            }

            List<ModelToRetrain>? models = resources?.Solutions is { } solutions ? ModelsToRetrain(solutions, end).ToList() : null;
            List<CampaignToUpdate>? campaigns = resources?.Solutions is { } known && deployments?.Campaigns is { } deployed
                ? CampaignsToUpdate(known, deployed, end).ToList()
                : null;
            List<ExternalCopy>? copies = deployments?.BatchOutputs?.Where(copy => IsBefore(copy.CreationDateTime, end)).ToList();

            return new DeletionOutcome(job, Assure(job.NumDeleted, overlapping, models, campaigns), overlapping, models, campaigns, copies);
        }

        /// <summary>The precedence: Failed and Unfinished are settled above; then the first that applies.</summary>
        private static DeletionAssurance Assure(int? numDeleted, List<ConcurrentActivity>? overlapping, List<ModelToRetrain>? models, List<CampaignToUpdate>? campaigns)
        {
            if (numDeleted == 0)
            {
                return DeletionAssurance.NoRecordsDeleted;
            }

            if (overlapping is { Count: > 0 })
            {
                return DeletionAssurance.RerunRecommended;
            }

            if (models is { Count: > 0 } || campaigns is { Count: > 0 })
            {
                return DeletionAssurance.RetrainModels;
            }

            return numDeleted is null || overlapping is null || models is null || campaigns is null
                ? DeletionAssurance.Unverified
                : DeletionAssurance.Verified;
        }

        private static bool Overlaps(ConcurrentActivity activity, DateTime? jobStart, DateTime? jobEnd)
        {
            if (jobEnd is DateTime end && activity.CreationDateTime is DateTime started && started >= end)
            {
                return false;
            }

            if (ResourceStatus.IsInProgress(activity.Kind, activity.Status))
            {
                return true;
            }

            return !(jobStart is DateTime start && activity.LastUpdatedDateTime is DateTime finished && finished <= start);
        }

        private static IEnumerable<ModelToRetrain> ModelsToRetrain(IReadOnlyList<SolutionModels> solutions, DateTime? end)
        {
            foreach (SolutionModels model in solutions)
            {
                var active = model.Versions.Where(version => ResourceStatus.IsActive(version.Status)).ToList();
                if (active.Count == 0 || active.Any(version => TrainedAfter(version, end)))
                {
                    continue;
                }

                var newest = active
                    .OrderByDescending(version => version.CreationDateTime ?? DateTime.MinValue)
                    .ThenBy(version => version.SolutionVersionArn, StringComparer.Ordinal)
                    .First();
                yield return new ModelToRetrain(model.Solution.Name, model.Solution.SolutionArn, newest.SolutionVersionArn, newest.CreationDateTime);
            }
        }

        private static IEnumerable<CampaignToUpdate> CampaignsToUpdate(IReadOnlyList<SolutionModels> solutions, IReadOnlyList<DeployedCampaign> campaigns, DateTime? end)
        {
            var retrained = new HashSet<string>(
                solutions.SelectMany(model => model.Versions).Where(version => ResourceStatus.IsActive(version.Status) && TrainedAfter(version, end)).Select(version => version.SolutionVersionArn).OfType<string>(),
                StringComparer.Ordinal);
            foreach (DeployedCampaign deployed in campaigns)
            {
                string? version = deployed.Campaign.SolutionVersionArn;
                if (ResourceStatus.CampaignMayServe(deployed.Campaign.Status) && (version is null || !retrained.Contains(version)))
                {
                    yield return new CampaignToUpdate(deployed.Campaign.Name, deployed.Campaign.CampaignArn, deployed.SolutionArn, version, deployed.Campaign.Status);
                }
            }
        }

        /// <summary>A full training created at or after the deletion completed: it cannot have learned the deleted data.</summary>
        private static bool TrainedAfter(Personalize.SolutionVersionInfo version, DateTime? end) =>
            end is DateTime completed
            && version.CreationDateTime is DateTime created
            && created >= completed
            && !ResourceStatus.IsIncrementalTraining(version.TrainingMode);

        private static bool IsBefore(DateTime? created, DateTime? end) =>
            !(created is DateTime c && end is DateTime e && c >= e);

        private static bool Is(string? status, string expected) => string.Equals(status, expected, StringComparison.OrdinalIgnoreCase);
    }
}
