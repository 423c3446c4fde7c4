using System.Collections.Generic;

namespace PersonalizeDeletion.Fake.Personalize;

/// <summary>The members of a CreateDataDeletionJob request, already checked against the model.</summary>
public sealed record CreateJobRequest(
    string JobName,
    string DatasetGroupArn,
    string DataLocation,
    string RoleArn,
    IReadOnlyList<KeyValuePair<string, string>> Tags);
