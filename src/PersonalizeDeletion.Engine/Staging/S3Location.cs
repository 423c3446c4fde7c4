using System;
using System.Globalization;

namespace PersonalizeDeletion.Staging
{
    /// <summary>
    /// An <c>s3://bucket/key</c> URI, or <c>s3://bucket/prefix/</c> naming a folder, checked against the S3
    /// bucket naming rules so that mistakes surface before anything is uploaded.
    /// </summary>
    internal sealed class S3Location
    {
        /// <summary>The service's limit for a data location (the model's S3Location path).</summary>
        public const int MaxLength = 256;

        private const string Scheme = "s3://";

        private S3Location(string bucket, string key)
        {
            Bucket = bucket;
            Key = key;
        }

        public string Bucket { get; }

        /// <summary>The object key or folder prefix; empty for the bucket root.</summary>
        public string Key { get; }

        public bool IsFolder => Key.Length == 0 || Key[Key.Length - 1] == '/';

        public static bool LooksLikeS3Uri(string? text) =>
            text is not null && text.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase);

        public static bool TryParse(string? text, out S3Location? location, out string? error)
        {
            location = null;
            error = Validate(text, out string bucket, out string key);
            if (error is not null)
            {
                return false;
            }

            location = new S3Location(bucket, key);
            return true;
        }

        public override string ToString() => Scheme + Bucket + "/" + Key;

        private static string? Validate(string? text, out string bucket, out string key)
        {
            bucket = string.Empty;
            key = string.Empty;
            if (text is null || text.Length == 0)
            {
                return "The S3 URI is empty; expected s3://bucket/key or s3://bucket/prefix/.";
            }

            if (!LooksLikeS3Uri(text))
            {
                return "The S3 URI must start with s3:// (for example s3://my-bucket/deletions/); other schemes are not supported.";
            }

            if (text.Length > MaxLength)
            {
                return Format("The S3 URI is {0} characters long; the service accepts at most {1}.", text.Length, MaxLength);
            }

            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (char.IsWhiteSpace(c) || char.IsControl(c))
                {
                    return Format("The S3 URI contains white space or a control character (U+{0:X4}) at position {1}; remove it.", (int)c, i + 1);
                }
            }

            int slash = text.IndexOf('/', Scheme.Length);
            bucket = slash < 0 ? text.Substring(Scheme.Length) : text.Substring(Scheme.Length, slash - Scheme.Length);
            key = slash < 0 ? string.Empty : text.Substring(slash + 1);
            return ValidateBucket(bucket);
        }

        private static string? ValidateBucket(string bucket)
        {
            if (bucket.Length == 0)
            {
                return "The S3 URI has no bucket name; expected s3://bucket/key.";
            }

            if (bucket.Length < 3 || bucket.Length > 63)
            {
                return Format("The bucket name '{0}' is {1} characters long; bucket names have 3 to 63 characters.", bucket, bucket.Length);
            }

            foreach (char c in bucket)
            {
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-'))
                {
                    string hint = char.IsUpper(c) ? " (bucket names are lowercase)" : string.Empty;
                    return Format("The bucket name '{0}' contains '{1}'{2}; bucket names use only lowercase letters, digits, dots (.) and hyphens (-).", bucket, c, hint);
                }
            }

            if (!IsLetterOrDigit(bucket[0]) || !IsLetterOrDigit(bucket[bucket.Length - 1]))
            {
                return Format("The bucket name '{0}' must start and end with a lowercase letter or a digit.", bucket);
            }

            if (bucket.Contains(".."))
            {
                return Format("The bucket name '{0}' has two adjacent dots; bucket names cannot.", bucket);
            }

            if (IsIPv4Address(bucket))
            {
                return Format("The bucket name '{0}' is formatted as an IP address; bucket names cannot be.", bucket);
            }

            foreach (string prefix in new[] { "xn--", "sthree-" })
            {
                if (bucket.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return Format("The bucket name '{0}' starts with the reserved prefix '{1}'.", bucket, prefix);
                }
            }

            foreach (string suffix in new[] { "-s3alias", "--ol-s3" })
            {
                if (bucket.EndsWith(suffix, StringComparison.Ordinal))
                {
                    return Format("The bucket name '{0}' ends with the reserved suffix '{1}'.", bucket, suffix);
                }
            }

            return null;
        }

        private static bool IsLetterOrDigit(char c) => (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');

        private static bool IsIPv4Address(string bucket)
        {
            string[] parts = bucket.Split('.');
            if (parts.Length != 4)
            {
                return false;
            }

            foreach (string part in parts)
            {
                if (part.Length == 0 || part.Length > 3)
                {
                    return false;
                }

                foreach (char c in part)
                {
                    if (c < '0' || c > '9')
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        private static string Format(string format, params object[] args) =>
            string.Format(CultureInfo.InvariantCulture, format, args);
    }
}
