using System;
using System.Collections.Generic;
using System.Linq;
using PersonalizeDeletion.Jobs;

namespace PersonalizeDeletion.Assurance
{
    /// <summary>
    /// The warnings a judgement calls for, worded once for every command: work in progress before a job is created,
    /// a job that deleted nothing, and one whose run overlapped work that voids its guarantee. They name resources,
    /// never a user ID.
    /// </summary>
    internal static class AssuranceWarnings
    {
        /// <summary>New-PDataDeletionJob, before it creates jobs in the group: null when nothing is in progress or it could not be checked.</summary>
        public static string? InProgress(ConcurrentActivityCheck check)
        {
            if (check is null)
            {
                throw new ArgumentNullException(nameof(check));
            }

            if (check.InProgress is not { Count: > 0 } activity)
            {
                return null;
            }

            return $"Dataset group {GroupName(check.DatasetGroupArn)} has work in progress that voids a deletion's guarantee: {List(activity)}. "
                + "Amazon Personalize cannot guarantee that the users' data leaves what is trained or imported while the deletion job runs. "
                + "Wait until that work is done before deleting; a job submitted now is judged RerunRecommended once it completes (submit the same users again then).";
        }

        /// <summary>The warnings for one judged job, in the order to show them (none for most jobs).</summary>
        public static IEnumerable<string> For(DeletionOutcome outcome)
        {
            if (outcome is null)
            {
                throw new ArgumentNullException(nameof(outcome));
            }

            DataDeletionJob job = outcome.Job;
            if (outcome.Assurance == DeletionAssurance.NoRecordsDeleted)
            {
                yield return $"Data deletion job {JobName(job)} COMPLETED but deleted no records: none of its users had records in dataset group {GroupName(job.DatasetGroupArn)}. "
                    + "Check that the IDs are those the datasets hold (e-mail addresses, say, where the datasets use internal user IDs delete nothing).";
            }

            if (outcome.Assurance == DeletionAssurance.RerunRecommended)
            {
                yield return $"While data deletion job {JobName(job)} ran, dataset group {GroupName(job.DatasetGroupArn)} also ran {List(outcome.ConcurrentActivity!)}. "
                    + "Amazon Personalize cannot guarantee that the users' data left what was trained or imported meanwhile: submit the same users again once that work is done.";
            }
        }

        /// <summary>The group's name from its ARN (the ARN itself when it is not one; "unknown" when there is none).</summary>
        internal static string GroupName(string? datasetGroupArn) =>
            PersonalizeArn.TryParse(datasetGroupArn, out PersonalizeArn? arn) ? arn!.Name : datasetGroupArn ?? "(unknown)";

        internal static string JobName(DataDeletionJob job) => job.JobName ?? job.JobArn ?? "(unnamed)";

        /// <summary>"Kind name (status)" for each, the first five, then how many more.</summary>
        internal static string List(IReadOnlyList<ConcurrentActivity> activity) => Names(activity.Select(item => item.ToString()), activity.Count);

        internal static string Names(IEnumerable<string> names, int count)
        {
            const int Shown = 5;
            string shown = string.Join(", ", names.Take(Shown));
            return count > Shown ? $"{shown} and {count - Shown} more" : shown;
        }
    }
}
