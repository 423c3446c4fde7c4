using System;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace PersonalizeDeletion.Jobs
{
    /// <summary>
    /// Job names are the module's idempotency key. CreateDataDeletionJob is not idempotent, but job names are
    /// unique per account and region, so a name derived from everything that defines the request (dataset group,
    /// role and the exact data) turns a re-run after a crash, a timeout or a lost response into a name clash
    /// we can recognise instead of a second deletion job.
    /// </summary>
    internal static class JobNamer
    {
        /// <summary>The model's Name shape: 1-63 characters, <c>^[a-zA-Z0-9][a-zA-Z0-9\-_]*</c>.</summary>
        internal const int MaxLength = 63;

        private const string Prefix = "pdel-";

        // 20 hex digits = 80 bits: two different requests for one dataset group share a name with probability
        // about n^2 / 2^81, far below any rate at which a human re-runs commands.
        private const int HashDigits = 20;

        private static readonly Regex NamePattern = new Regex(@"^[a-zA-Z0-9][a-zA-Z0-9\-_]*\z", RegexOptions.CultureInvariant);

        public static bool IsValid(string? name) => name is not null && name.Length >= 1 && name.Length <= MaxLength && NamePattern.IsMatch(name);

        /// <summary>
        /// The default name: <c>pdel-{dataset group name}-{hash}</c>, the group name shortened so the whole
        /// stays within 63 characters. <paramref name="dataIdentity"/> is the SHA-256 of a staged CSV, or the
        /// data location the caller gave.
        /// </summary>
        /// <param name="attempt">
        /// 1 for the first job of a request. When that job FAILED (its users were not deleted), submitting the
        /// same request again uses attempt 2, then 3: the same name with <c>-2</c>, <c>-3</c> appended, so each
        /// attempt is still found again by a re-run and the set reads as one request.
        /// </param>
        public static string Derive(string datasetGroupArn, string roleArn, string dataIdentity, int attempt = 1)
        {
            if (attempt < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(attempt), attempt, "Attempts count from 1.");
            }

            string hash = Hash(datasetGroupArn + "\n" + roleArn + "\n" + dataIdentity);
            string suffix = attempt == 1 ? string.Empty : "-" + attempt.ToString(System.Globalization.CultureInfo.InvariantCulture);
            string group = GroupName(datasetGroupArn);
            int room = MaxLength - Prefix.Length - 1 - HashDigits - suffix.Length;
            if (group.Length > room)
            {
                group = group.Substring(0, room).TrimEnd('-', '_');
            }

            return (group.Length == 0 ? Prefix + hash : Prefix + group + "-" + hash) + suffix;
        }

        /// <summary>
        /// The name for job <paramref name="index"/> (1-based) of <paramref name="count"/> when the caller gave
        /// -JobName: as given for a single job, else suffixed so each is unique and the set is recognisable.
        /// </summary>
        public static string Numbered(string jobName, int index, int count)
        {
            if (count <= 1)
            {
                return jobName;
            }

            string suffix = "-" + index.ToString(count >= 100 ? "D3" : "D2", System.Globalization.CultureInfo.InvariantCulture);
            string stem = jobName.Length + suffix.Length > MaxLength ? jobName.Substring(0, MaxLength - suffix.Length) : jobName;
            return stem + suffix;
        }

        private static string GroupName(string datasetGroupArn)
        {
            int slash = datasetGroupArn.LastIndexOf('/');
            string name = slash >= 0 ? datasetGroupArn.Substring(slash + 1) : datasetGroupArn;
            var builder = new StringBuilder(name.Length);
            foreach (char c in name)
            {
                if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_')
                {
                    builder.Append(c);
                }
            }

            return builder.ToString();
        }

        private static string Hash(string text)
        {
            using var sha = SHA256.Create();
            byte[] digest = sha.ComputeHash(Encoding.UTF8.GetBytes(text));
            var builder = new StringBuilder(HashDigits);
            for (int i = 0; builder.Length < HashDigits; i++)
            {
                builder.Append(digest[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }

            return builder.ToString(0, HashDigits);
        }
    }
}
