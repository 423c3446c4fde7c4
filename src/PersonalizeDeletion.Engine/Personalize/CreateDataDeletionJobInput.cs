using System;
using System.Collections.Generic;

namespace PersonalizeDeletion.Personalize
{
    internal sealed class CreateDataDeletionJobInput
    {
        public CreateDataDeletionJobInput(string jobName, string datasetGroupArn, string dataLocation, string roleArn, IReadOnlyList<KeyValuePair<string, string>>? tags)
        {
            JobName = jobName;
            DatasetGroupArn = datasetGroupArn;
            DataLocation = dataLocation;
            RoleArn = roleArn;
            Tags = tags ?? Array.Empty<KeyValuePair<string, string>>();
        }

        public string JobName { get; }
        public string DatasetGroupArn { get; }
        public string DataLocation { get; }
        public string RoleArn { get; }
        public IReadOnlyList<KeyValuePair<string, string>> Tags { get; }
    }
}
