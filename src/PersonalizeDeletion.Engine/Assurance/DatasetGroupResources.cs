using System.Collections.Generic;

namespace PersonalizeDeletion.Assurance
{
    /// <summary>
    /// What a dataset group holds that decides whether its users' data left its models: its solutions with their
    /// versions, its batch jobs, and all its activity whatever the status. A member is null when a call it needs
    /// failed (the matching <see cref="AssuranceProblem"/> says which).
    /// </summary>
    internal sealed class DatasetGroupResources
    {
        public DatasetGroupResources(string datasetGroupArn, IReadOnlyList<SolutionModels>? solutions, IReadOnlyList<GroupBatchJob>? batchJobs, IReadOnlyList<ConcurrentActivity>? activity)
        {
            DatasetGroupArn = datasetGroupArn;
            Solutions = solutions;
            BatchJobs = batchJobs;
            Activity = activity;
        }

        public string DatasetGroupArn { get; }

        public IReadOnlyList<SolutionModels>? Solutions { get; }

        public IReadOnlyList<GroupBatchJob>? BatchJobs { get; }

        /// <summary>Every training, bulk import, batch job, recommender creation and update of the group, finished or not.</summary>
        public IReadOnlyList<ConcurrentActivity>? Activity { get; }
    }
}
