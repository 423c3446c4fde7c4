using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using PersonalizeDeletion.Jobs;

namespace PersonalizeDeletion.Requests
{
    /// <summary>What holds for every job of a request, checked before any input is read.</summary>
    internal sealed class DeletionRequestOptions
    {
        private const int MaxTags = 50;

        private static readonly Regex TagPattern = new Regex(@"^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)\z", RegexOptions.CultureInvariant);

        /// <summary>The caller's job name; null derives each job's name from what it deletes (the idempotency key).</summary>
        public string? JobName { get; set; }

        public IReadOnlyList<KeyValuePair<string, string>>? Tags { get; set; }

        /// <summary>The staging bucket's owner; null expects the dataset group's account.</summary>
        public string? ExpectedBucketOwner { get; set; }

        /// <summary>0: as many users per job as 50 MB holds.</summary>
        public int MaxUsersPerJob { get; set; }

        /// <summary>Reads and counts the input, stages and creates nothing, and says what would be done.</summary>
        public bool WhatIf { get; set; }

        /// <summary>Recorded on staged objects.</summary>
        public string ModuleVersion { get; set; } = "0.0.0";

        /// <summary>Throws <see cref="DeletionRequestException"/> for the first option the service would refuse.</summary>
        public void Validate()
        {
            if (JobName is not null && !JobNamer.IsValid(JobName))
            {
                throw new DeletionRequestException(ErrorIds.InvalidJobName,
                    new ArgumentException($"'{JobName}' is not a valid job name: 1-63 characters, letters, digits, '-' and '_', starting with a letter or digit."), JobName);
            }

            if (ExpectedBucketOwner is not null && !(ExpectedBucketOwner.Length == 12 && ExpectedBucketOwner.All(c => c >= '0' && c <= '9')))
            {
                throw new DeletionRequestException(ErrorIds.InvalidExpectedBucketOwner,
                    new ArgumentException($"'{ExpectedBucketOwner}' is not an AWS account ID (12 digits)."), ExpectedBucketOwner);
            }

            if (Tags is null)
            {
                return;
            }

            if (Tags.Count > MaxTags)
            {
                throw new DeletionRequestException(ErrorIds.InvalidTag, new ArgumentException($"{Tags.Count} tags given; a job takes at most {MaxTags}."), Tags);
            }

            foreach (KeyValuePair<string, string> tag in Tags)
            {
                string? problem =
                    tag.Key.Length < 1 || tag.Key.Length > 128 ? "keys are 1 to 128 characters long" :
                    tag.Key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase) ? "keys starting with 'aws:' are reserved by AWS" :
                    !TagPattern.IsMatch(tag.Key) ? "keys may contain letters, digits, spaces and _ . : / = + - @ only" :
                    tag.Value.Length > 256 ? "values are at most 256 characters long" :
                    !TagPattern.IsMatch(tag.Value) ? "values may contain letters, digits, spaces and _ . : / = + - @ only" :
                    null;
                if (problem is not null)
                {
                    throw new DeletionRequestException(ErrorIds.InvalidTag, new ArgumentException($"Tag '{tag.Key}' is not valid: {problem}."), tag.Key);
                }
            }
        }
    }
}
