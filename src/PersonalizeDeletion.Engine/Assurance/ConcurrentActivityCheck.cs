using System.Collections.Generic;

namespace PersonalizeDeletion.Assurance
{
    /// <summary>What New-PDataDeletionJob learns about a dataset group before it creates a job there.</summary>
    internal sealed class ConcurrentActivityCheck
    {
        public ConcurrentActivityCheck(string datasetGroupArn, IReadOnlyList<ConcurrentActivity>? inProgress, IReadOnlyList<AssuranceProblem> problems)
        {
            DatasetGroupArn = datasetGroupArn;
            InProgress = inProgress;
            Problems = problems;
        }

        public string DatasetGroupArn { get; }

        /// <summary>The group's work in progress now, which voids a deletion's guarantee; null when it could not be checked.</summary>
        public IReadOnlyList<ConcurrentActivity>? InProgress { get; }

        /// <summary>The calls that failed and were not reported before in this command: one warning each.</summary>
        public IReadOnlyList<AssuranceProblem> Problems { get; }
    }
}
