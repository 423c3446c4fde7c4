using System.Text.RegularExpressions;

namespace PersonalizeDeletion.Fake.Personalize;

/// <summary>Parses and builds the Personalize ARNs the fake deals in.</summary>
public static partial class PersonalizeArn
{
    public static string DatasetGroup(string region, string account, string name) =>
        $"arn:aws:personalize:{region}:{account}:dataset-group/{name}";

    public static string DataDeletionJob(string region, string account, string jobName) =>
        $"arn:aws:personalize:{region}:{account}:data-deletion-job/{jobName}";

    /// <summary>Splits <c>arn:partition:personalize:region:account:type/name</c>; false for anything else.</summary>
    public static bool TryParse(string arn, out string region, out string account, out string resourceType, out string name)
    {
        var match = ArnPattern().Match(arn);
        region = match.Groups["region"].Value;
        account = match.Groups["account"].Value;
        resourceType = match.Groups["type"].Value;
        name = match.Groups["name"].Value;
        return match.Success;
    }

    [GeneratedRegex(@"\Aarn:aws[a-z-]*:personalize:(?<region>[a-z0-9-]+):(?<account>\d{12}):(?<type>[a-z-]+)/(?<name>[^/]+)\z", RegexOptions.CultureInvariant)]
    private static partial Regex ArnPattern();
}
