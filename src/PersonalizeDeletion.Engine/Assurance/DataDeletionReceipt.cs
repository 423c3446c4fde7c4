using System;
using System.Collections.Generic;
using System.Text;
using PersonalizeDeletion.Assurance;
using PersonalizeDeletion.Jobs;

namespace PersonalizeDeletion
{
    /// <summary>
    /// The evidence of one deletion job: what was asked, by whom, with which tool, what the service did, and what the
    /// module judged of it. It names resources, counts and digests, never a user ID. The same content is the file
    /// <c>&lt;JobName&gt;.receipt.json</c> (see <see cref="ToJson"/>). The type name
    /// <c>PersonalizeDeletion.DataDeletionReceipt</c> and the JSON member names are public API.
    /// </summary>
    public sealed class DataDeletionReceipt
    {
        private DataDeletionReceipt(DeletionOutcome outcome, string? callerArn, string? stagedSha256, long? stagedBytes)
        {
            DataDeletionJob job = outcome.Job;
            PersonalizeArn? jobArn = PersonalizeArn.TryParse(job.JobArn, out PersonalizeArn? parsedJobArn) ? parsedJobArn : null;
            PersonalizeArn? groupArn = PersonalizeArn.TryParse(job.DatasetGroupArn, out PersonalizeArn? parsedGroupArn) ? parsedGroupArn : null;

            JobArn = job.JobArn;
            JobName = job.JobName ?? jobArn?.Name;
            DatasetGroupArn = job.DatasetGroupArn;
            Region = job.Region ?? jobArn?.Region ?? groupArn?.Region;
            Account = jobArn?.Account ?? groupArn?.Account;
            Status = job.Status;
            CreationDateTime = job.CreationDateTime;
            CompletionDateTime = job.IsFinished ? job.LastUpdatedDateTime : null;
            NumDeleted = job.NumDeleted;
            UserCount = job.UserCount;
            DuplicateCount = job.DuplicateCount;
            RejectedCount = job.RejectedCount;
            DataLocation = job.DataLocation;
            StagedSha256 = stagedSha256;
            StagedBytes = stagedBytes;
            CallerArn = callerArn;
            ModuleVersion = CurrentModuleVersion;
            ConcurrentActivity = outcome.ConcurrentActivity;
            ModelsToRetrain = outcome.ModelsToRetrain;
            CampaignsToUpdate = outcome.CampaignsToUpdate;
            ExternalCopies = outcome.ExternalCopies;
            Assurance = outcome.Assurance;
        }

        public string? JobArn { get; }
        public string? JobName { get; }
        public string? DatasetGroupArn { get; }
        public string? Region { get; }

        /// <summary>The AWS account that owns the job.</summary>
        public string? Account { get; }

        public string? Status { get; }

        /// <summary>UTC; ISO 8601 in the JSON.</summary>
        public DateTime? CreationDateTime { get; }

        /// <summary>When the job reached COMPLETED or FAILED (UTC; ISO 8601 in the JSON); null while it runs.</summary>
        public DateTime? CompletionDateTime { get; }

        public int? NumDeleted { get; }

        /// <summary>Valid user IDs the request submitted, when the module staged them (else null).</summary>
        public long? UserCount { get; private set; }

        /// <summary>Repeated user IDs submitted once, when the module staged them (else null).</summary>
        public long? DuplicateCount { get; private set; }

        /// <summary>User IDs reported as errors and not submitted, when the module staged them (else null).</summary>
        public long? RejectedCount { get; private set; }

        /// <summary>The S3 location the job read its user IDs from.</summary>
        public string? DataLocation { get; }

        /// <summary>Lowercase hex SHA-256 of the staged object exactly as the module uploaded it; null when the caller gave the data location.</summary>
        public string? StagedSha256 { get; private set; }

        /// <summary>Length in bytes of the staged object as uploaded, header included; null when the caller gave the data location.</summary>
        public long? StagedBytes { get; private set; }

        /// <summary>Who ran the command: the ARN STS GetCallerIdentity returned; null when it could not be learned.</summary>
        public string? CallerArn { get; }

        /// <summary>The PersonalizeDeletion version that judged the job.</summary>
        public string ModuleVersion { get; }

        /// <summary>The group's work that ran while the job ran; null when it could not be checked.</summary>
        public IReadOnlyList<ConcurrentActivity>? ConcurrentActivity { get; }

        /// <summary>Null until the job completes, or when it could not be checked.</summary>
        public IReadOnlyList<ModelToRetrain>? ModelsToRetrain { get; }

        /// <summary>Null until the job completes, or when it could not be checked.</summary>
        public IReadOnlyList<CampaignToUpdate>? CampaignsToUpdate { get; }

        /// <summary>Null until the job completes, or when it could not be checked.</summary>
        public IReadOnlyList<ExternalCopy>? ExternalCopies { get; }

        public DeletionAssurance Assurance { get; }

        internal static string CurrentModuleVersion { get; } = typeof(DataDeletionReceipt).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

        /// <summary>The receipt as the module writes it to <c>&lt;JobName&gt;.receipt.json</c>.</summary>
        public string ToJson() => Encoding.UTF8.GetString(DataDeletionReceiptJson.Serialize(this));

        public override string ToString() => JobName + " " + Assurance;

        /// <summary>
        /// This receipt, with what an earlier receipt of the same job knew of the request and this one does not: a job
        /// judged again later (from Get-PDataDeletionJob, say) no longer knows the counts and the digest New-PDataDeletionJob
        /// reported, and its receipt must not lose them.
        /// </summary>
        internal DataDeletionReceipt WithRequestFrom(ReceiptRequest earlier)
        {
            var receipt = (DataDeletionReceipt)MemberwiseClone();
            receipt.UserCount ??= earlier.UserCount;
            receipt.DuplicateCount ??= earlier.DuplicateCount;
            receipt.RejectedCount ??= earlier.RejectedCount;
            receipt.StagedSha256 ??= earlier.StagedSha256;
            receipt.StagedBytes ??= earlier.StagedBytes;
            return receipt;
        }

        /// <param name="outcome">The job and its judgement.</param>
        /// <param name="callerArn">From STS GetCallerIdentity; null when unknown.</param>
        /// <param name="stagedSha256">The staged object's SHA-256, when the module staged it.</param>
        /// <param name="stagedBytes">The staged object's length, when the module staged it.</param>
        internal static DataDeletionReceipt Create(DeletionOutcome outcome, string? callerArn, string? stagedSha256, long? stagedBytes) =>
            new DataDeletionReceipt(outcome ?? throw new ArgumentNullException(nameof(outcome)), callerArn, stagedSha256, stagedBytes);
    }
}
