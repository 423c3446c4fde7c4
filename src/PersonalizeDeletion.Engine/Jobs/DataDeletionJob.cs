using System;
using System.Collections.Generic;
using System.Globalization;
using PersonalizeDeletion.Assurance;
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

        /// <summary>
        /// Lowercase hex SHA-256 of the CSV this module staged for the job, exactly as uploaded: what the job read, for
        /// the receipt (New-PDataDeletionJob with staged input only, and Wait-PDataDeletionJob for jobs piped from it).
        /// </summary>
        public string? StagedSha256 { get; internal set; }

        /// <summary>Length in bytes of that CSV, header included (as <see cref="StagedSha256"/>).</summary>
        public long? StagedBytes { get; internal set; }

        /// <summary>
        /// Work in the dataset group that voids the deletion's guarantee (training, a bulk import, a batch job, a
        /// recommender created or updated). New-PDataDeletionJob: what was in progress when the job was created. Once
        /// judged (Wait-PDataDeletionJob, Get-PDataDeletionJob -Detailed): what ran while the job ran. Empty when there
        /// was none; null when it could not be checked.
        /// </summary>
        public IReadOnlyList<ConcurrentActivity>? ConcurrentActivity { get; internal set; }

        /// <summary>Custom solutions whose newest model was trained before the job completed (judged, COMPLETED jobs only).</summary>
        public IReadOnlyList<ModelToRetrain>? ModelsToRetrain { get; internal set; }

        /// <summary>Campaigns still deploying a model trained before the job completed (judged, COMPLETED jobs only).</summary>
        public IReadOnlyList<CampaignToUpdate>? CampaignsToUpdate { get; internal set; }

        /// <summary>S3 output of the group's batch jobs created before the job completed: copies it does not reach.</summary>
        public IReadOnlyList<ExternalCopy>? ExternalCopies { get; internal set; }

        /// <summary>
        /// For a judged COMPLETED job: true when work in <see cref="ConcurrentActivity"/> ran while it ran, so the same
        /// users should be submitted again once that work is done; false when nothing did. Null otherwise, or when it
        /// could not be checked.
        /// </summary>
        public bool? RerunRecommended { get; internal set; }

        /// <summary>What the job's outcome assures (Wait-PDataDeletionJob, Get-PDataDeletionJob -Detailed); null until judged.</summary>
        public DeletionAssurance? Assurance { get; internal set; }

        /// <summary>
        /// The evidence of the job as its receipt file holds it (Get-PDataDeletionJob -Detailed, Wait-PDataDeletionJob
        /// -ReceiptPath); null otherwise.
        /// </summary>
        public DataDeletionReceipt? Receipt { get; internal set; }

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

        /// <summary>Takes the judgement of the job (the outcome's job is this one).</summary>
        internal void Judged(DeletionOutcome outcome)
        {
            Assurance = outcome.Assurance;
            ConcurrentActivity = outcome.ConcurrentActivity;
            ModelsToRetrain = outcome.ModelsToRetrain;
            CampaignsToUpdate = outcome.CampaignsToUpdate;
            ExternalCopies = outcome.ExternalCopies;
            RerunRecommended = string.Equals(Status, StatusCompleted, StringComparison.OrdinalIgnoreCase) && outcome.ConcurrentActivity is { } overlapping
                ? overlapping.Count > 0
                : null;
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
