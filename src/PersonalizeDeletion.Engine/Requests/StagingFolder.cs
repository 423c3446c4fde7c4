using System;
using System.Linq;
using PersonalizeDeletion.Staging;

namespace PersonalizeDeletion.Requests
{
    /// <summary>
    /// -StagingUri as the folder the module writes its CSV files under. A URI without a trailing slash is a folder
    /// too (s3://bucket/requests), unless its last segment ends in a data file's extension: s3://bucket/today.csv
    /// names an object, and the files would land in a "folder" called today.csv.
    /// </summary>
    internal static class StagingFolder
    {
        private static readonly string[] FileExtensions = { ".csv", ".txt", ".tsv", ".json", ".jsonl", ".gz", ".zip", ".parquet", ".xls", ".xlsx" };

        /// <summary>The folder; InvalidS3Uri for a malformed URI, InvalidStagingUri for one that names an object.</summary>
        public static S3Location Parse(string uri)
        {
            bool slash = uri.EndsWith("/", StringComparison.Ordinal);
            if (!S3Location.TryParse(slash ? uri : uri + "/", out S3Location? folder, out string? error))
            {
                throw new DeletionRequestException(ErrorIds.InvalidS3Uri,
                    new ArgumentException($"-StagingUri '{uri}' is not a valid S3 folder URI: {error}"), uri);
            }

            if (!slash && NamesObject(uri))
            {
                string parent = uri.Substring(0, uri.LastIndexOf('/') + 1);
                string suggestion = parent.Length > "s3://".Length ? parent : uri + "/";
                throw new DeletionRequestException(ErrorIds.InvalidStagingUri,
                    new ArgumentException($"-StagingUri '{uri}' names an object, not a folder: the module writes CSV files of its own under the folder you give, and would write them under '{uri}/'. Give a folder, for example -StagingUri '{suggestion}'. (To submit a CSV that is already in S3, give it to -DataLocation.)"), uri);
            }

            return folder!;
        }

        /// <summary>True when the URI's last segment (after the bucket) ends in a data file extension.</summary>
        internal static bool NamesObject(string uri)
        {
            int bucketEnd = uri.IndexOf('/', "s3://".Length);
            if (bucketEnd < 0 || uri.EndsWith("/", StringComparison.Ordinal))
            {
                return false;
            }

            string last = uri.Substring(uri.LastIndexOf('/') + 1);
            return FileExtensions.Any(extension => last.Length > extension.Length && last.EndsWith(extension, StringComparison.OrdinalIgnoreCase));
        }
    }
}
