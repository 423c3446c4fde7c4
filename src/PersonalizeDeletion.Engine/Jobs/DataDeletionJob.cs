using System;
using System.Globalization;
using PersonalizeDeletion.Jobs;
using PersonalizeDeletion.Personalize;

namespace PersonalizeDeletion
{
    /// <summary>
    /// A Personalize data deletion job, as every cmdlet of the module outputs it. The type name
    /// <c>PersonalizeDeletion.DataDeletionJob</c> is public API: scripts, the format file and other tools rely on it.
    /// </summary>
    public sealed class DataDeletionJob
    {
        public const string StatusPending = "PENDING";
        public const string StatusInProgress = "IN_PROGRESS";
        public const string StatusCompleted = "COMPLETED";
        public const string StatusFailed = "FAILED";

        /// <summary>The statuses the service documents, in the order a job goes through them.</summary>
        internal static readonly string[] DocumentedStatuses = { StatusPending, StatusInProgress, StatusCompleted, StatusFailed };

        public string? JobName { get; internal set; }
        public string? JobArn { get; internal set; }
        public string? DatasetGroupArn { get; internal set; }
        public string? DataLocation { get; internal set; }
        public string? RoleArn { get; internal set; }
        public string? Status { get; internal set; }
        public int? NumDeleted { get; internal set; }

        /// <summary>UTC (<see cref="DateTimeKind.Utc"/>), so ConvertTo-Json writes it in ISO 8601 with a Z.</summary>
        public DateTime? CreationDateTime { get; internal set; }

        /// <summary>UTC (<see cref="DateTimeKind.Utc"/>), so ConvertTo-Json writes it in ISO 8601 with a Z.</summary>
        public DateTime? LastUpdatedDateTime { get; internal set; }

        public string? FailureReason { get; internal set; }
        public string? Region { get; internal set; }

        /// <summary>Valid user IDs submitted in this job (New-PDataDeletionJob with staged input only).</summary>
        public long? UserCount { get; internal set; }

        /// <summary>Repeated user IDs submitted once instead (New-PDataDeletionJob with staged input only).</summary>
        public long? DuplicateCount { get; internal set; }

        /// <summary>User IDs reported as errors and not submitted (New-PDataDeletionJob with staged input only).</summary>
        public long? RejectedCount { get; internal set; }

        /// <summary>The s3:// URI of the CSV this module staged for the job, or null when the caller gave a data location.</summary>
        public string? StagedObject { get; internal set; }

        /// <summary>True when the job reached COMPLETED or FAILED. Unknown statuses count as not finished.</summary>
        public bool IsFinished => IsFinishedStatus(Status);

        /// <summary>
        /// How long the job ran, as text a person reads and <c>[timespan]</c> reads back: <c>00:12:30</c>,
        /// <c>1.06:00:05</c>. Text on purpose: a TimeSpan becomes a 15-member object in ConvertTo-Json.
        /// </summary>
        public string? Duration => Elapsed is TimeSpan elapsed ? elapsed.ToString("c", CultureInfo.InvariantCulture) : null;

        /// <summary>
        /// How long the job ran, in whole seconds: creation to last update once finished, creation to now while it runs.
        /// </summary>
        internal TimeSpan? Elapsed
        {
            get
            {
                if (CreationDateTime is not DateTime created)
                {
                    return null;
                }

                DateTime end = IsFinished && LastUpdatedDateTime is DateTime updated ? updated : DateTime.UtcNow;
                TimeSpan duration = end - created;
                return duration < TimeSpan.Zero ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Round(duration.TotalSeconds));
            }
        }

        public static bool IsFinishedStatus(string? status) =>
            string.Equals(status, StatusCompleted, StringComparison.OrdinalIgnoreCase)
            || string.Equals(status, StatusFailed, StringComparison.OrdinalIgnoreCase);

        public override string ToString() => JobArn ?? JobName ?? string.Empty;

        internal static DataDeletionJob FromService(DataDeletionJobInfo info, string? region)
        {
            var job = new DataDeletionJob();
            job.Apply(info);
            job.Region = PersonalizeArn.TryParse(job.JobArn, out PersonalizeArn? arn) ? arn!.Region : region;
            return job;
        }

        /// <summary>
        /// Takes what the service said. List summaries omit DataLocation, RoleArn and NumDeleted, so members
        /// the service left out keep what an earlier Describe filled in.
        /// </summary>
        internal void Apply(DataDeletionJobInfo info)
        {
            JobName = info.JobName ?? JobName;
            JobArn = info.DataDeletionJobArn ?? JobArn;
            DatasetGroupArn = info.DatasetGroupArn ?? DatasetGroupArn;
            DataLocation = info.DataLocation ?? DataLocation;
            RoleArn = info.RoleArn ?? RoleArn;
            Status = info.Status ?? Status;
            NumDeleted = info.NumDeleted ?? NumDeleted;
            CreationDateTime = info.CreationDateTime ?? CreationDateTime;
            LastUpdatedDateTime = info.LastUpdatedDateTime ?? LastUpdatedDateTime;
            FailureReason = info.FailureReason ?? FailureReason;
        }
    }
}
