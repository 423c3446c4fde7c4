using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace PersonalizeDeletion.Fake.Personalize.Resources;

/// <summary>Renders seeded resources in the service's List (summary) and Describe shapes.</summary>
public static class ResourceJson
{
    public static JsonObject Summary(SeededResource resource) => resource.Kind.Name switch
    {
        "solution" => Common(resource, "solutionArn", withName: true, withFailure: false, ("recipeArn", resource.RecipeArn)),
        "solutionVersion" => VersionSummary(resource),
        "campaign" => Common(resource, "campaignArn", withName: true, withFailure: true),
        "datasetImportJob" => Common(resource, "datasetImportJobArn", withName: false, withFailure: true, ("jobName", resource.Name), ("importMode", resource.ImportMode)),
        "batchInferenceJob" => Common(resource, "batchInferenceJobArn", withName: false, withFailure: true, ("jobName", resource.Name), ("solutionVersionArn", resource.SolutionVersionArn)),
        "batchSegmentJob" => Common(resource, "batchSegmentJobArn", withName: false, withFailure: true, ("jobName", resource.Name), ("solutionVersionArn", resource.SolutionVersionArn)),
        _ => Common(resource, "recommenderArn", withName: true, withFailure: false, ("datasetGroupArn", resource.DatasetGroupArn), ("recipeArn", resource.RecipeArn)),
    };

    /// <param name="resource">The resource to describe.</param>
    /// <param name="latestVersion">For a solution: its newest version, reported as latestSolutionVersion.</param>
    public static JsonObject Detail(SeededResource resource, SeededResource? latestVersion) => resource.Kind.Name switch
    {
        "solution" => Solution(resource, latestVersion),
        "solutionVersion" => Version(resource),
        "campaign" => Campaign(resource),
        "recommender" => Recommender(resource),
        _ => BatchJob(resource),
    };

    private static JsonObject Solution(SeededResource solution, SeededResource? latestVersion)
    {
        var json = new JsonObject
        {
            ["name"] = solution.Name,
            ["solutionArn"] = solution.Arn,
            ["performAutoTraining"] = solution.PerformAutoTraining,
            ["recipeArn"] = solution.RecipeArn,
            ["datasetGroupArn"] = solution.DatasetGroupArn,
        };
        if (solution.PerformAutoTraining)
        {
            json["solutionConfig"] = new JsonObject { ["autoTrainingConfig"] = new JsonObject { ["schedulingExpression"] = "rate(7 days)" } };
        }

        json["status"] = solution.Status;
        AddTimes(json, solution);
        if (latestVersion is not null)
        {
            json["latestSolutionVersion"] = VersionSummary(latestVersion);
        }

        return json;
    }

    private static JsonObject VersionSummary(SeededResource version) => Common(
        version,
        "solutionVersionArn",
        withName: false,
        withFailure: true,
        ("trainingMode", version.TrainingMode),
        ("trainingType", version.TrainingType));

    private static JsonObject Version(SeededResource version)
    {
        var json = new JsonObject
        {
            ["name"] = version.Name,
            ["solutionVersionArn"] = version.Arn,
            ["solutionArn"] = version.ParentArn,
            ["datasetGroupArn"] = version.DatasetGroupArn,
            ["trainingMode"] = version.TrainingMode,
            ["trainingType"] = version.TrainingType,
            ["status"] = version.Status,
        };
        AddIfPresent(json, "failureReason", version.FailureReason);
        AddTimes(json, version);
        return json;
    }

    private static JsonObject Campaign(SeededResource campaign)
    {
        var json = new JsonObject
        {
            ["name"] = campaign.Name,
            ["campaignArn"] = campaign.Arn,
            ["solutionVersionArn"] = campaign.SolutionVersionArn,
            ["minProvisionedTPS"] = 1,
            ["status"] = campaign.Status,
        };
        AddIfPresent(json, "failureReason", campaign.FailureReason);
        AddTimes(json, campaign);
        if (campaign.PendingSolutionVersionArn is not null)
        {
            var update = new JsonObject
            {
                ["solutionVersionArn"] = campaign.PendingSolutionVersionArn,
                ["minProvisionedTPS"] = 1,
                ["status"] = campaign.PendingStatus ?? "CREATE IN_PROGRESS",
            };
            AddTimes(update, campaign);
            json["latestCampaignUpdate"] = update;
        }

        return json;
    }

    private static JsonObject Recommender(SeededResource recommender)
    {
        var json = new JsonObject
        {
            ["recommenderArn"] = recommender.Arn,
            ["datasetGroupArn"] = recommender.DatasetGroupArn,
            ["name"] = recommender.Name,
            ["recipeArn"] = recommender.RecipeArn,
            ["recommenderConfig"] = new JsonObject { ["minRecommendationRequestsPerSecond"] = 1 },
        };
        AddTimes(json, recommender);
        json["status"] = recommender.Status;
        AddIfPresent(json, "failureReason", recommender.FailureReason);
        if (recommender.UpdateStatus is not null)
        {
            // An update is created after the recommender and last changed no later than the recommender itself.
            var created = recommender.UpdateCreationDateTime ?? recommender.LastUpdatedDateTime;
            json["latestRecommenderUpdate"] = new JsonObject
            {
                ["recommenderConfig"] = new JsonObject { ["minRecommendationRequestsPerSecond"] = 1 },
                ["creationDateTime"] = PersonalizeJson.EpochSeconds(created),
                ["lastUpdatedDateTime"] = PersonalizeJson.EpochSeconds(recommender.LastUpdatedDateTime),
                ["status"] = recommender.UpdateStatus,
            };
        }

        return json;
    }

    private static JsonObject BatchJob(SeededResource job)
    {
        var json = new JsonObject
        {
            ["jobName"] = job.Name,
            [job.Kind.Name + "Arn"] = job.Arn,
        };
        AddIfPresent(json, "failureReason", job.FailureReason);
        json["solutionVersionArn"] = job.SolutionVersionArn;
        json["jobInput"] = new JsonObject { ["s3DataSource"] = new JsonObject { ["path"] = job.InputPath } };
        json["jobOutput"] = new JsonObject { ["s3DataDestination"] = new JsonObject { ["path"] = job.OutputPath } };
        json["roleArn"] = job.RoleArn;
        json["status"] = job.Status;
        AddTimes(json, job);
        return json;
    }

    private static JsonObject Common(SeededResource resource, string arnMember, bool withName, bool withFailure, params (string Member, string? Value)[] extra)
    {
        var json = new JsonObject();
        if (withName)
        {
            json["name"] = resource.Name;
        }

        json[arnMember] = resource.Arn;
        foreach (var (member, value) in extra.Where(e => e.Value is not null))
        {
            json[member] = value;
        }

        json["status"] = resource.Status;
        AddTimes(json, resource);
        if (withFailure)
        {
            AddIfPresent(json, "failureReason", resource.FailureReason);
        }

        return json;
    }

    private static void AddTimes(JsonObject json, SeededResource resource)
    {
        json["creationDateTime"] = PersonalizeJson.EpochSeconds(resource.CreationDateTime);
        json["lastUpdatedDateTime"] = PersonalizeJson.EpochSeconds(resource.LastUpdatedDateTime);
    }

    private static void AddIfPresent(JsonObject json, string member, string? value)
    {
        if (value is not null)
        {
            json[member] = value;
        }
    }

    public static JsonArray Array(IEnumerable<JsonObject> items) => new(items.Select(i => (JsonNode)i).ToArray());
}
