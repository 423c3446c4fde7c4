using System;
using System.Collections.Generic;

namespace PersonalizeDeletion.Assurance
{
    /// <summary>
    /// Reads the statuses Personalize reports. The developer guide writes them both ways ("CREATE IN_PROGRESS" and
    /// "CREATE_IN_PROGRESS"), so a space and an underscore compare equal, in any case. A status this module does not
    /// know counts as work in progress: the guarantee is at stake, so the unknown is not taken as finished.
    /// </summary>
    internal static class ResourceStatus
    {
        // Statuses after which a resource no longer trains, imports or reads data (from the API reference).
        private static readonly HashSet<string> SolutionVersionSettled = Set("ACTIVE", "CREATE_FAILED", "CREATE_STOPPED");
        private static readonly HashSet<string> JobSettled = Set("ACTIVE", "CREATE_FAILED");
        private static readonly HashSet<string> RecommenderSettled = Set(
            "ACTIVE", "CREATE_FAILED", "STOP_PENDING", "STOP_IN_PROGRESS", "INACTIVE", "START_PENDING", "START_IN_PROGRESS", "DELETE_PENDING", "DELETE_IN_PROGRESS");

        // A campaign in these states serves no recommendations and needs no update.
        private static readonly HashSet<string> CampaignNotServing = Set("CREATE_FAILED", "DELETE_PENDING", "DELETE_IN_PROGRESS");

        public static string Normalize(string? status) => (status ?? string.Empty).Trim().Replace(' ', '_').ToUpperInvariant();

        public static bool IsActive(string? status) => Normalize(status) == "ACTIVE";

        /// <summary>True while the work may still train, import or read the group's data.</summary>
        public static bool IsInProgress(ConcurrentActivityKind kind, string? status)
        {
            HashSet<string> settled = kind switch
            {
                ConcurrentActivityKind.SolutionVersion => SolutionVersionSettled,
                ConcurrentActivityKind.Recommender => RecommenderSettled,
                _ => JobSettled,
            };
            return !settled.Contains(Normalize(status));
        }

        /// <summary>True unless the campaign failed to be created or is being deleted.</summary>
        public static bool CampaignMayServe(string? status) => !CampaignNotServing.Contains(Normalize(status));

        /// <summary>
        /// True for a solution version trained in UPDATE mode, which only adds new items and interactions to an
        /// earlier model ("not a full retraining", says the API reference): it keeps what that model learned.
        /// </summary>
        public static bool IsIncrementalTraining(string? trainingMode) => Normalize(trainingMode) == "UPDATE";

        private static HashSet<string> Set(params string[] statuses) => new HashSet<string>(statuses, StringComparer.Ordinal);
    }
}
