using System;
using System.Text.Json.Nodes;

namespace PersonalizeDeletion.Fake.Personalize;

/// <summary>Renders the fake's records in the service's JSON shapes (timestamps as epoch seconds with milliseconds).</summary>
public static class PersonalizeJson
{
    public static double EpochSeconds(DateTimeOffset time) => time.ToUnixTimeMilliseconds() / 1000.0;

    public static JsonObject DatasetGroup(DatasetGroupRecord group, bool summary)
    {
        var json = new JsonObject
        {
            ["name"] = group.Name,
            ["datasetGroupArn"] = group.Arn,
            ["status"] = group.Status,
        };
        if (!summary)
        {
            AddIfPresent(json, "roleArn", group.RoleArn);
            AddIfPresent(json, "kmsKeyArn", group.KmsKeyArn);
        }

        json["creationDateTime"] = EpochSeconds(group.CreationDateTime);
        json["lastUpdatedDateTime"] = EpochSeconds(group.LastUpdatedDateTime);
        AddIfPresent(json, "failureReason", group.FailureReason);
        AddIfPresent(json, "domain", group.Domain);
        return json;
    }

    /// <summary>A job as DescribeDataDeletionJob (full) or ListDataDeletionJobs (summary) reports it.</summary>
    public static JsonObject Job(DataDeletionJobRecord job, DataDeletionJobView view, bool summary)
    {
        var json = new JsonObject
        {
            ["dataDeletionJobArn"] = job.Arn,
            ["datasetGroupArn"] = job.DatasetGroupArn,
            ["jobName"] = job.JobName,
        };
        if (!summary)
        {
            json["dataSource"] = new JsonObject { ["dataLocation"] = job.DataLocation };
            json["roleArn"] = job.RoleArn;
        }

        json["status"] = view.Status;
        if (!summary && view.NumDeleted is { } deleted)
        {
            json["numDeleted"] = deleted;
        }

        json["creationDateTime"] = EpochSeconds(job.CreationDateTime);
        json["lastUpdatedDateTime"] = EpochSeconds(view.LastUpdatedDateTime);
        AddIfPresent(json, "failureReason", view.FailureReason);
        return json;
    }

    /// <summary>A dataset as ListDatasets reports it.</summary>
    public static JsonObject Dataset(DatasetRecord dataset) => new()
    {
        ["name"] = dataset.Name,
        ["datasetArn"] = dataset.Arn,
        ["datasetType"] = dataset.DatasetType,
        ["status"] = dataset.Status,
        ["creationDateTime"] = EpochSeconds(dataset.CreationDateTime),
        ["lastUpdatedDateTime"] = EpochSeconds(dataset.LastUpdatedDateTime),
    };

    private static void AddIfPresent(JsonObject json, string name, string? value)
    {
        if (value is not null)
        {
            json[name] = value;
        }
    }
}
