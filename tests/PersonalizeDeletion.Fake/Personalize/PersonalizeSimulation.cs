using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using PersonalizeDeletion.Fake.Hosting;
using PersonalizeDeletion.Fake.S3;

namespace PersonalizeDeletion.Fake.Personalize;

/// <summary>
/// The simulated service behind the operations: dataset groups and data deletion jobs with the
/// service's rules (existence, ACTIVE state, unique names, the pending-job limit, tags) and the
/// scripted job lifecycle. One lock makes each check-then-create atomic under concurrent calls.
/// </summary>
public sealed class PersonalizeSimulation
{
    public const int MaxTags = 50;

    private readonly object _gate = new();
    private readonly Dictionary<string, DatasetGroupRecord> _groups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DataDeletionJobRecord> _jobs = new(StringComparer.Ordinal);
    private readonly S3Store _s3;
    private readonly FakeClock _clock;
    private readonly Func<FakeSettings> _settings;

    public PersonalizeSimulation(S3Store s3, FakeClock clock, Func<FakeSettings> settings)
    {
        _s3 = s3;
        _clock = clock;
        _settings = settings;
    }

    public void AddDatasetGroup(DatasetGroupRecord group)
    {
        lock (_gate)
        {
            _groups[group.Arn] = group;
        }
    }

    public DatasetGroupRecord DescribeDatasetGroup(string arn)
    {
        lock (_gate)
        {
            return _groups.TryGetValue(arn, out var group) ? group : throw PersonalizeErrorException.NotFound(arn);
        }
    }

    public (IReadOnlyList<DatasetGroupRecord> Items, string? NextToken) ListDatasetGroups(string? nextToken, int maxResults)
    {
        lock (_gate)
        {
            return Page(_groups.Values, g => g.CreationDateTime, g => g.Name, "datasetGroups", string.Empty, nextToken, maxResults);
        }
    }

    public DataDeletionJobRecord CreateDataDeletionJob(CreateJobRequest request)
    {
        if (request.Tags.Count > MaxTags)
        {
            throw new PersonalizeErrorException("TooManyTagsException", $"The number of tags exceeds the limit of {MaxTags} tags per resource.");
        }

        var reserved = request.Tags.FirstOrDefault(t => t.Key.StartsWith("aws:", StringComparison.OrdinalIgnoreCase));
        if (reserved.Key is not null)
        {
            throw PersonalizeErrorException.InvalidInput($"Tag key '{reserved.Key}' is invalid: tag keys must not start with the reserved prefix 'aws:'.");
        }

        var (bucket, key) = ParseS3Location(request.DataLocation);
        var settings = _settings();
        var now = _clock.UtcNow;
        lock (_gate)
        {
            var group = _groups.TryGetValue(request.DatasetGroupArn, out var found)
                ? found
                : throw PersonalizeErrorException.NotFound(request.DatasetGroupArn);
            if (group.Status != "ACTIVE")
            {
                throw new PersonalizeErrorException(
                    "ResourceInUseException",
                    $"The dataset group {group.Arn} is not in ACTIVE state (current status: {group.Status}). Wait until it is ACTIVE and try again.");
            }

            var arn = PersonalizeArn.DataDeletionJob(group.Region, group.Account, request.JobName);
            if (_jobs.ContainsKey(arn))
            {
                throw new PersonalizeErrorException("ResourceAlreadyExistsException", $"Data deletion job with name {request.JobName} already exists.");
            }

            var pending = _jobs.Values.Count(j => j.DatasetGroupArn == group.Arn && j.Observe(now).Status == "PENDING");
            if (pending >= settings.PendingLimit)
            {
                throw new PersonalizeErrorException(
                    "LimitExceededException",
                    string.Create(CultureInfo.InvariantCulture, $"The dataset group {group.Arn} already has {pending} data deletion jobs in PENDING state. The limit is {settings.PendingLimit}. Wait for a job to start and try again."));
            }

            var job = new DataDeletionJobRecord
            {
                JobName = request.JobName,
                Arn = arn,
                DatasetGroupArn = group.Arn,
                Account = group.Account,
                Region = group.Region,
                DataLocation = request.DataLocation,
                RoleArn = request.RoleArn,
                CreationDateTime = now,
                Tags = request.Tags,
                Pending = TimeSpan.FromMilliseconds(settings.PendingMs),
                InProgress = TimeSpan.FromMilliseconds(settings.InProgressMs),
                ForcedFailureReason = settings.FailJobNamePattern is { } pattern
                    && Regex.IsMatch(request.JobName, pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))
                    ? settings.FailureReason
                    : null,
                Data = CaptureData(request.DataLocation, bucket, key),
            };
            _jobs.Add(arn, job);
            return job;
        }
    }

    public DataDeletionJobRecord DescribeDataDeletionJob(string arn)
    {
        lock (_gate)
        {
            return _jobs.TryGetValue(arn, out var job) ? job : throw PersonalizeErrorException.NotFound(arn);
        }
    }

    public (IReadOnlyList<DataDeletionJobRecord> Items, string? NextToken) ListDataDeletionJobs(string? datasetGroupArn, string? nextToken, int maxResults)
    {
        lock (_gate)
        {
            var jobs = datasetGroupArn is null ? _jobs.Values : _jobs.Values.Where(j => j.DatasetGroupArn == datasetGroupArn);
            return Page(jobs, j => j.CreationDateTime, j => j.JobName, "dataDeletionJobs", datasetGroupArn ?? string.Empty, nextToken, maxResults);
        }
    }

    /// <summary>Adds jobs wholesale (seeding); fails without adding any if a name is taken.</summary>
    public void AddJobs(IReadOnlyList<DataDeletionJobRecord> jobs)
    {
        lock (_gate)
        {
            var clash = jobs.FirstOrDefault(j => _jobs.ContainsKey(j.Arn));
            if (clash is not null)
            {
                throw new ArgumentException($"A job named '{clash.JobName}' already exists in {clash.Region}/{clash.Account}.");
            }

            foreach (var job in jobs)
            {
                _jobs.Add(job.Arn, job);
            }
        }
    }

    public IReadOnlyList<DataDeletionJobRecord> AllJobs()
    {
        lock (_gate)
        {
            return _jobs.Values.OrderByDescending(j => j.CreationDateTime).ThenBy(j => j.JobName, StringComparer.Ordinal).ToList();
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _groups.Clear();
            _jobs.Clear();
        }
    }

    /// <summary>Splits s3://bucket/key; the service accepts only S3 URIs with a bucket for deletion data.</summary>
    public static (string Bucket, string Key) ParseS3Location(string location)
    {
        const string scheme = "s3://";
        if (location.StartsWith(scheme, StringComparison.Ordinal))
        {
            var rest = location[scheme.Length..];
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            var bucket = slash < 0 ? rest : rest[..slash];
            if (bucket.Length > 0)
            {
                return (bucket, slash < 0 ? string.Empty : rest[(slash + 1)..]);
            }
        }

        throw PersonalizeErrorException.InvalidInput(
            $"The data location {location} is not valid. Specify the location of your data as an Amazon S3 path, for example s3://bucket-name/folder-name/file.csv.");
    }

    /// <summary>A key names one object; a key ending in '/' (or none) names every .csv file under that folder.</summary>
    private DeletionData CaptureData(string location, string bucket, string key)
    {
        if (_s3.FindBucket(bucket) is null)
        {
            return DeletionData.External(location);
        }

        var isFolder = key.Length == 0 || key.EndsWith('/');
        var objects = isFolder
            ? _s3.ObjectsUnder(bucket, key).Where(o => o.Key.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
            : _s3.Find(bucket, key) is { } single ? new[] { single } : Array.Empty<S3StoredObject>();
        return new DeletionData(location, bucketKnown: true, objects.Select(o => ($"s3://{bucket}/{o.Key}", o.Data)).ToList());
    }

    private static (IReadOnlyList<T> Items, string? NextToken) Page<T>(
        IEnumerable<T> source,
        Func<T, DateTimeOffset> created,
        Func<T, string> name,
        string listing,
        string filter,
        string? nextToken,
        int maxResults)
    {
        var position = nextToken is null ? null : PageToken.Decode(nextToken, listing, filter);
        var ordered = source
            .Where(item => position is null || position.IsBefore(created(item), name(item)))
            .OrderByDescending(created)
            .ThenBy(name, StringComparer.Ordinal)
            .Take(maxResults + 1)
            .ToList();
        if (ordered.Count <= maxResults)
        {
            return (ordered, null);
        }

        var last = ordered[maxResults - 1];
        return (ordered.Take(maxResults).ToList(), new PageToken(listing, filter, created(last).UtcTicks, name(last)).Encode());
    }
}
