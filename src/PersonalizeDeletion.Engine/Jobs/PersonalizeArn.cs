using System;
using System.Text.RegularExpressions;

namespace PersonalizeDeletion.Jobs
{
    /// <summary>
    /// The ARNs the module accepts, checked before any call so a typo never reaches the service:
    /// <c>arn:{partition}:personalize:{region}:{account}:{resource-type}/{name}</c> and IAM role ARNs.
    /// </summary>
    internal sealed class PersonalizeArn
    {
        internal const string DatasetGroupResourceType = "dataset-group";
        internal const string DataDeletionJobResourceType = "data-deletion-job";

        // The model allows any 'arn:...:personalize:...'; resource names follow the model's Name shape.
        private static readonly Regex PersonalizePattern = new Regex(
            @"^arn:(?<partition>aws[a-z-]*):personalize:(?<region>[a-z]{2}(-[a-z]+)+-\d+):(?<account>\d{12}):(?<type>[a-z-]+)/(?<name>[a-zA-Z0-9][a-zA-Z0-9\-_]{0,62})\z",
            RegexOptions.CultureInvariant);

        // The model's RoleArn pattern, anchored.
        private static readonly Regex RolePattern = new Regex(
            @"^arn:([a-z\d-]+):iam::\d{12}:role/?[a-zA-Z_0-9+=,.@\-_/]+\z",
            RegexOptions.CultureInvariant);

        private const int MaxArnLength = 256;

        private PersonalizeArn(string text, string partition, string region, string account, string resourceType, string name)
        {
            Text = text;
            Partition = partition;
            Region = region;
            Account = account;
            ResourceType = resourceType;
            Name = name;
        }

        public string Text { get; }
        public string Partition { get; }
        public string Region { get; }
        public string Account { get; }
        public string ResourceType { get; }
        public string Name { get; }

        public static bool TryParse(string? text, out PersonalizeArn? arn)
        {
            arn = null;
            if (text is null || text.Length > MaxArnLength)
            {
                return false;
            }

            Match match = PersonalizePattern.Match(text);
            if (!match.Success)
            {
                return false;
            }

            arn = new PersonalizeArn(text, match.Groups["partition"].Value, match.Groups["region"].Value,
                match.Groups["account"].Value, match.Groups["type"].Value, match.Groups["name"].Value);
            return true;
        }

        public static bool TryParse(string? text, string resourceType, out PersonalizeArn? arn)
        {
            if (TryParse(text, out arn) && string.Equals(arn!.ResourceType, resourceType, StringComparison.Ordinal))
            {
                return true;
            }

            arn = null;
            return false;
        }

        public static bool IsRoleArn(string? text) =>
            text is not null && text.Length <= MaxArnLength && RolePattern.IsMatch(text);

        public override string ToString() => Text;
    }
}
