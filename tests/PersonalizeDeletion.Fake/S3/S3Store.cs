using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;

namespace PersonalizeDeletion.Fake.S3;

/// <summary>
/// The in-memory buckets. One lock guards the maps; object bytes are immutable once stored, so the
/// expensive work (decoding, hashing, assembling parts) happens outside it.
/// </summary>
public sealed class S3Store
{
    public const string DefaultOwner = "123456789012";

    public const string DefaultRegion = "us-east-1";

    /// <summary>The smallest part S3 accepts in a multipart upload, except the last one.</summary>
    public const int MinimumPartSize = 5 * 1024 * 1024;

    private readonly object _gate = new();
    private readonly Dictionary<string, S3Bucket> _buckets = new(StringComparer.Ordinal);

    /// <summary>
    /// Called before any object is written or deleted, outside the store's lock: the Personalize simulation
    /// lets every job that was due to read its data do so first, so a job reads the objects as they were then.
    /// </summary>
    public Action? BeforeChange { get; set; }

    public S3Bucket RegisterBucket(string name, string owner, string region, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_buckets.TryGetValue(name, out var existing) && existing.Owner == owner && existing.Region == region)
            {
                return existing;
            }

            var bucket = new S3Bucket(name, owner, region, now);
            if (existing is not null)
            {
                foreach (var pair in existing.Objects)
                {
                    bucket.Objects.Add(pair.Key, pair.Value);
                }
            }

            _buckets[name] = bucket;
            return bucket;
        }
    }

    /// <summary>Buckets spring into existence on first write, owned by the default account, in the writer's region.</summary>
    public S3Bucket EnsureBucket(string name, string region, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (!_buckets.TryGetValue(name, out var bucket))
            {
                bucket = new S3Bucket(name, DefaultOwner, region, now);
                _buckets.Add(name, bucket);
            }

            return bucket;
        }
    }

    public S3Bucket? FindBucket(string name)
    {
        lock (_gate)
        {
            return _buckets.GetValueOrDefault(name);
        }
    }

    public void Put(S3StoredObject stored)
    {
        BeforeChange?.Invoke();
        lock (_gate)
        {
            Bucket(stored.Bucket).Objects[stored.Key] = stored;
        }
    }

    public S3StoredObject? Find(string bucket, string key)
    {
        lock (_gate)
        {
            return _buckets.TryGetValue(bucket, out var b) ? b.Objects.GetValueOrDefault(key) : null;
        }
    }

    public void Delete(string bucket, string key)
    {
        BeforeChange?.Invoke();
        lock (_gate)
        {
            Bucket(bucket).Objects.Remove(key);
        }
    }

    /// <summary>Every object whose key starts with <paramref name="prefix"/>, in key order.</summary>
    public IReadOnlyList<S3StoredObject> ObjectsUnder(string bucket, string prefix)
    {
        lock (_gate)
        {
            return _buckets.TryGetValue(bucket, out var b)
                ? b.Objects.Where(o => o.Key.StartsWith(prefix, StringComparison.Ordinal)).Select(o => o.Value).ToList()
                : Array.Empty<S3StoredObject>();
        }
    }

    /// <param name="after">List keys strictly after this one (start-after, or where the previous page stopped).</param>
    /// <param name="skipPrefix">A common prefix the previous page already rolled up; its keys are not listed again.</param>
    public S3ListPage List(string bucket, string prefix, string? delimiter, string? after, string? skipPrefix, int maxKeys)
    {
        lock (_gate)
        {
            var objects = new List<S3StoredObject>();
            var prefixes = new List<string>();
            S3ListPosition? last = null;
            var truncated = false;
            foreach (var (key, stored) in Bucket(bucket).Objects)
            {
                if (!key.StartsWith(prefix, StringComparison.Ordinal)
                    || (after is not null && string.CompareOrdinal(key, after) <= 0)
                    || (skipPrefix is not null && key.StartsWith(skipPrefix, StringComparison.Ordinal)))
                {
                    continue;
                }

                string? commonPrefix = null;
                if (!string.IsNullOrEmpty(delimiter))
                {
                    var at = key.IndexOf(delimiter, prefix.Length, StringComparison.Ordinal);
                    if (at >= 0)
                    {
                        commonPrefix = key[..(at + delimiter.Length)];
                        if (prefixes.Count > 0 && prefixes[^1] == commonPrefix)
                        {
                            continue;
                        }
                    }
                }

                if (objects.Count + prefixes.Count == maxKeys)
                {
                    truncated = true;
                    break;
                }

                if (commonPrefix is not null)
                {
                    prefixes.Add(commonPrefix);
                    last = new S3ListPosition(commonPrefix, IsCommonPrefix: true);
                }
                else
                {
                    objects.Add(stored);
                    last = new S3ListPosition(key, IsCommonPrefix: false);
                }
            }

            return new S3ListPage(objects, prefixes, truncated, truncated ? last : null);
        }
    }

    public S3MultipartUpload CreateUpload(S3MultipartUpload upload)
    {
        lock (_gate)
        {
            Bucket(upload.Bucket).Uploads.Add(upload.UploadId, upload);
            return upload;
        }
    }

    public void AddPart(string bucket, string key, string uploadId, S3UploadedPart part)
    {
        lock (_gate)
        {
            Upload(bucket, key, uploadId).Parts[part.PartNumber] = part;
        }
    }

    public S3MultipartUpload FindUpload(string bucket, string key, string uploadId)
    {
        lock (_gate)
        {
            return Upload(bucket, key, uploadId);
        }
    }

    /// <summary>
    /// Checks the client's part list as S3 does (ascending, existing, matching ETags, 5 MiB minimum
    /// except the last) and returns the parts to assemble. The upload stays open until <see cref="FinishUpload"/>.
    /// </summary>
    public IReadOnlyList<S3UploadedPart> SelectParts(string bucket, string key, string uploadId, IReadOnlyList<(int PartNumber, string ETag)> requested)
    {
        lock (_gate)
        {
            var upload = Upload(bucket, key, uploadId);
            if (requested.Count == 0)
            {
                throw new S3ErrorException(400, "MalformedXML", "The XML you provided was not well-formed or did not validate against our published schema");
            }

            var selected = new List<S3UploadedPart>(requested.Count);
            var previous = 0;
            foreach (var (number, etag) in requested)
            {
                if (number <= previous)
                {
                    throw new S3ErrorException(400, "InvalidPartOrder", "The list of parts was not in ascending order. Parts must be ordered by part number.", ("UploadId", uploadId));
                }

                previous = number;
                if (!upload.Parts.TryGetValue(number, out var part) || Unquote(part.ETag) != Unquote(etag))
                {
                    throw new S3ErrorException(
                        400,
                        "InvalidPart",
                        "One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.",
                        ("UploadId", uploadId),
                        ("PartNumber", number.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                        ("ETag", etag));
                }

                selected.Add(part);
            }

            for (var i = 0; i < selected.Count - 1; i++)
            {
                if (selected[i].Data.Length < MinimumPartSize)
                {
                    throw new S3ErrorException(
                        400,
                        "EntityTooSmall",
                        "Your proposed upload is smaller than the minimum allowed size",
                        ("ProposedSize", selected[i].Data.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                        ("MinSizeAllowed", MinimumPartSize.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                        ("PartNumber", selected[i].PartNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                        ("ETag", selected[i].ETag));
                }
            }

            return selected;
        }
    }

    /// <summary>Closes the upload and stores the assembled object, unless a concurrent abort or completion got there first.</summary>
    public void FinishUpload(string uploadId, S3StoredObject assembled)
    {
        BeforeChange?.Invoke();
        lock (_gate)
        {
            var bucket = Bucket(assembled.Bucket);
            if (!bucket.Uploads.Remove(uploadId))
            {
                throw S3ErrorException.NoSuchUpload(uploadId);
            }

            bucket.Objects[assembled.Key] = assembled;
        }
    }

    public void AbortUpload(string bucket, string key, string uploadId)
    {
        lock (_gate)
        {
            Upload(bucket, key, uploadId);
            Bucket(bucket).Uploads.Remove(uploadId);
        }
    }

    public IReadOnlyList<S3MultipartUpload> Uploads(string? bucket)
    {
        lock (_gate)
        {
            return _buckets.Values
                .Where(b => bucket is null || b.Name == bucket)
                .SelectMany(b => b.Uploads.Values)
                .OrderBy(u => u.Bucket, StringComparer.Ordinal)
                .ThenBy(u => u.Key, StringComparer.Ordinal)
                .ThenBy(u => u.Initiated)
                .ToList();
        }
    }

    /// <summary>The parts received so far in part order, read under the lock that part uploads take.</summary>
    public IReadOnlyList<S3UploadedPart> SelectAllParts(S3MultipartUpload upload)
    {
        lock (_gate)
        {
            return upload.Parts.Values.OrderBy(p => p.PartNumber).ToList();
        }
    }

    /// <summary>The number of parts received so far, read under the lock that part uploads take.</summary>
    public int PartCount(S3MultipartUpload upload)
    {
        lock (_gate)
        {
            return upload.Parts.Count;
        }
    }

    public IReadOnlyList<S3StoredObject> AllObjects()
    {
        lock (_gate)
        {
            return _buckets.Values
                .OrderBy(b => b.Name, StringComparer.Ordinal)
                .SelectMany(b => b.Objects.Values)
                .ToList();
        }
    }

    public IReadOnlyList<S3Bucket> AllBuckets()
    {
        lock (_gate)
        {
            return _buckets.Values.OrderBy(b => b.Name, StringComparer.Ordinal).ToList();
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _buckets.Clear();
        }
    }

    /// <summary>S3's ETag: the quoted MD5 hex of the bytes.</summary>
    public static string ETagOf(ReadOnlySpan<byte> data) => $"\"{Convert.ToHexStringLower(MD5.HashData(data))}\"";

    /// <summary>S3's multipart ETag: the MD5 of the concatenated binary part MD5s, then "-N".</summary>
    public static string MultipartETag(IReadOnlyList<S3UploadedPart> parts)
    {
        var digests = new byte[parts.Count * 16];
        for (var i = 0; i < parts.Count; i++)
        {
            Convert.FromHexString(Unquote(parts[i].ETag)).CopyTo(digests, i * 16);
        }

        return $"\"{Convert.ToHexStringLower(MD5.HashData(digests))}-{parts.Count}\"";
    }

    public static string Unquote(string etag) => etag.Trim().Trim('"');

    private S3Bucket Bucket(string name) =>
        _buckets.TryGetValue(name, out var bucket) ? bucket : throw S3ErrorException.NoSuchBucket(name);

    private S3MultipartUpload Upload(string bucket, string key, string uploadId) =>
        Bucket(bucket).Uploads.TryGetValue(uploadId, out var upload) && upload.Key == key
            ? upload
            : throw S3ErrorException.NoSuchUpload(uploadId);
}
