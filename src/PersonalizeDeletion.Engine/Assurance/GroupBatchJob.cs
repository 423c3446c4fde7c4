using PersonalizeDeletion.Personalize;

namespace PersonalizeDeletion.Assurance
{
    /// <summary>A batch inference or batch segment job that reads one of the dataset group's solution versions.</summary>
    internal sealed class GroupBatchJob
    {
        public GroupBatchJob(ExternalCopyKind kind, BatchJobInfo job)
        {
            Kind = kind;
            Job = job;
        }

        public ExternalCopyKind Kind { get; }

        public BatchJobInfo Job { get; }
    }
}
