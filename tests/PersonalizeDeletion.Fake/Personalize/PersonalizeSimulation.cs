using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using PersonalizeDeletion.Fake.Hosting;
using PersonalizeDeletion.Fake.S3;

namespace PersonalizeDeletion.Fake.Personalize;

/// <summary>
/// The simulated service behind the data deletion operations: dataset groups with their datasets and the
/// records users have in them, and data deletion jobs with the service's rules (existence in the caller's
/// region, ACTIVE state, unique names, the pending-job limit, tags) and lifecycle. A job reads its data when
/// it leaves PENDING and removes its users' records when it completes; every look at the simulation first
/// settles those events in time order. One lock makes each check-then-create atomic under concurrent calls.
/// </summary>
public sealed class PersonalizeSimulation
{
    public const int MaxTags = 50;

    private readonly object _gate = new();
    private readonly Dictionary<string, DatasetGroupRecord> _groups = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DatasetRecord> _datasets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DataDeletionJobRecord> _jobs = new(StringComparer.Ordinal);
    private readonly HashSet<DataDeletionJobRecord> _unsettled = new();
    private readonly S3Store _s3;
    private readonly FakeClock _clock;
    private readonly Func<FakeSettings> _settings;

    public PersonalizeSimulation(S3Store s3, FakeClock clock, Func<FakeSettings> settings)
    {
        _s3 = s3;
        _clock = clock;
        _settings = settings;
        _s3.BeforeChange = () => Settle();
    }

    /// <summary>Runs every job read and completion that is due by now, in time order.</summary>
    public void Settle()
    {
        lock (_gate)
        {
            SettleLocked(_clock.UtcNow);
        }
    }

    public void AddDatasetGroup(DatasetGroupRecord group)
    {
        lock (_gate)
        {
            _groups[group.Arn] = group;
        }
    }

    /// <summary>The dataset group, if it exists in <paramref name="region"/>.</summary>
    public DatasetGroupRecord DescribeDatasetGroup(string region, string arn)
    {
        lock (_gate)
        {
            return _groups.TryGetValue(arn, out var group) && group.Region == region ? group : throw PersonalizeErrorException.NotFound(arn);
        }
    }

    /// <summary>The dataset group wherever it lives (for seeding).</summary>
    public DatasetGroupRecord FindDatasetGroup(string arn)
    {
        lock (_gate)
        {
            return _groups.TryGetValue(arn, out var group) ? group : throw new ArgumentException($"No dataset group {arn}: add it first.");
        }
    }

    public (IReadOnlyList<DatasetGroupRecord> Items, string? NextToken) ListDatasetGroups(string region, string? nextToken, int maxResults)
    {
        lock (_gate)
        {
            return Paging.Page(_groups.Values.Where(g => g.Region == region), g => g.CreationDateTime, g => g.Name, "datasetGroups", region, nextToken, maxResults);
        }
    }

    /// <summary>Adds (or returns) the dataset of the given type in a group.</summary>
    public DatasetRecord EnsureDataset(string datasetGroupArn, string datasetType, string? name, string? status, DateTimeOffset created)
    {
        lock (_gate)
        {
            var group = _groups.TryGetValue(datasetGroupArn, out var found) ? found : throw new ArgumentException($"No dataset group {datasetGroupArn}: add it first.");
            var type = datasetType.ToUpperInvariant();
            var arn = $"arn:aws:personalize:{group.Region}:{group.Account}:dataset/{group.Name}/{type}";
            if (_datasets.TryGetValue(arn, out var existing))
            {
                return existing;
            }

            var dataset = new DatasetRecord
            {
                Name = name ?? $"{group.Name}-{type.ToLowerInvariant().Replace('_', '-')}",
                Arn = arn,
                DatasetGroupArn = group.Arn,
                Region = group.Region,
                DatasetType = type,
                Status = status ?? "ACTIVE",
                CreationDateTime = created,
                LastUpdatedDateTime = created,
            };
            _datasets.Add(arn, dataset);
            return dataset;
        }
    }

    public DatasetRecord? FindDataset(string arn)
    {
        lock (_gate)
        {
            return _datasets.GetValueOrDefault(arn);
        }
    }

    /// <summary>Sets how many records each user has in a dataset (0 removes the user).</summary>
    public void SetUserRecords(DatasetRecord dataset, IReadOnlyDictionary<string, int> records)
    {
        if (!dataset.HoldsUserData)
        {
            throw new ArgumentException($"A {dataset.DatasetType} dataset holds no user records; use INTERACTIONS, USERS or ACTION_INTERACTIONS.");
        }

        lock (_gate)
        {
            SettleLocked(_clock.UtcNow);
            foreach (var (user, count) in records)
            {
                if (count < 0)
                {
                    throw new ArgumentException($"A record count cannot be negative (user {user}).");
                }

                if (count == 0)
                {
                    dataset.UserRecords.Remove(user);
                }
                else
                {
                    dataset.UserRecords[user] = count;
                }
            }
        }
    }

    /// <summary>The datasets of a group (or of every group) with a copy of their user records, after settling.</summary>
    public IReadOnlyList<(DatasetRecord Dataset, IReadOnlyDictionary<string, int> Records)> Datasets(string? datasetGroupArn)
    {
        lock (_gate)
        {
            SettleLocked(_clock.UtcNow);
            return _datasets.Values
                .Where(d => datasetGroupArn is null || d.DatasetGroupArn == datasetGroupArn)
                .OrderBy(d => d.Arn, StringComparer.Ordinal)
                .Select(d => (d, (IReadOnlyDictionary<string, int>)new Dictionary<string, int>(d.UserRecords, StringComparer.Ordinal)))
                .ToList();
        }
    }

    public (IReadOnlyList<DatasetRecord> Items, string? NextToken) ListDatasets(string region, string? datasetGroupArn, string? nextToken, int maxResults)
    {
        lock (_gate)
        {
            var datasets = _datasets.Values.Where(d => d.Region == region && (datasetGroupArn is null || d.DatasetGroupArn == datasetGroupArn));
            return Paging.Page(datasets, d => d.CreationDateTime, d => d.Arn, "datasets", datasetGroupArn ?? region, nextToken, maxResults);
        }
    }

    public DataDeletionJobRecord CreateDataDeletionJob(string region, CreateJobRequest request)
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

        ParseS3Location(request.DataLocation);
        var settings = _settings();
        lock (_gate)
        {
            var now = _clock.UtcNow;
            SettleLocked(now);
            var group = _groups.TryGetValue(request.DatasetGroupArn, out var found) && found.Region == region
                ? found
                : throw PersonalizeErrorException.NotFound(request.DatasetGroupArn);
            if (group.Status != "ACTIVE")
            {
                throw new PersonalizeErrorException(
                    "ResourceInUseException",
                    $"The dataset group {group.Arn} is not in ACTIVE state (current status: {group.Status}). Wait until it is ACTIVE and try again.");
            }

            // Names are unique at once, whatever Describe and List can see yet.
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
                VisibleFrom = now.AddMilliseconds(settings.VisibilityDelayMs),
                Tags = request.Tags,
                Pending = TimeSpan.FromMilliseconds(settings.PendingMs),
                InProgress = TimeSpan.FromMilliseconds(settings.InProgressMs),
                ForcedFailureReason = settings.FailJobNamePattern is { } pattern
                    && Regex.IsMatch(request.JobName, pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))
                    ? settings.FailureReason
                    : null,
            };
            _jobs.Add(arn, job);
            if (job.Unsettled)
            {
                _unsettled.Add(job);
            }

            SettleLocked(now);
            return job;
        }
    }

    /// <summary>The job and its state now, if it is visible in <paramref name="region"/>.</summary>
    public (DataDeletionJobRecord Job, DataDeletionJobView View) DescribeDataDeletionJob(string region, string arn)
    {
        lock (_gate)
        {
            var now = _clock.UtcNow;
            SettleLocked(now);
            return _jobs.TryGetValue(arn, out var job) && job.Region == region && job.VisibleFrom <= now
                ? (job, job.Observe(now))
                : throw PersonalizeErrorException.NotFound(arn);
        }
    }

    public (IReadOnlyList<(DataDeletionJobRecord Job, DataDeletionJobView View)> Items, string? NextToken) ListDataDeletionJobs(string region, string? datasetGroupArn, string? nextToken, int maxResults)
    {
        lock (_gate)
        {
            var now = _clock.UtcNow;
            SettleLocked(now);
            var jobs = _jobs.Values.Where(j => j.Region == region && j.VisibleFrom <= now && (datasetGroupArn is null || j.DatasetGroupArn == datasetGroupArn));
            var (items, next) = Paging.Page(jobs, j => j.CreationDateTime, j => j.JobName, "dataDeletionJobs", datasetGroupArn ?? region, nextToken, maxResults);
            return (items.Select(j => (j, j.Observe(now))).ToList(), next);
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

    /// <summary>Every job with its state now, visible or not, newest first (for the control API).</summary>
    public IReadOnlyList<(DataDeletionJobRecord Job, DataDeletionJobView View)> AllJobs()
    {
        lock (_gate)
        {
            var now = _clock.UtcNow;
            SettleLocked(now);
            return _jobs.Values
                .OrderByDescending(j => j.CreationDateTime)
                .ThenBy(j => j.JobName, StringComparer.Ordinal)
                .Select(j => (j, j.Observe(now)))
                .ToList();
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _groups.Clear();
            _datasets.Clear();
            _jobs.Clear();
            _unsettled.Clear();
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

    /// <summary>
    /// Reads and completions due by <paramref name="now"/>, earliest first: a job that completes before another
    /// reads first, and of two jobs deleting one user the first to complete counts its records.
    /// </summary>
    private void SettleLocked(DateTimeOffset now)
    {
        if (_unsettled.Count == 0)
        {
            return;
        }

        var due = new List<(DateTimeOffset At, int Order, DataDeletionJobRecord Job)>();
        foreach (var job in _unsettled)
        {
            if (job.Input is null && job.ReadDue <= now)
            {
                due.Add((job.ReadDue, 0, job));
            }

            if (job.CompletionDue <= now)
            {
                due.Add((job.CompletionDue, 1, job));
            }
        }

        foreach (var (at, order, job) in due.OrderBy(e => e.At).ThenBy(e => e.Order).ThenBy(e => e.Job.Arn, StringComparer.Ordinal))
        {
            if (order == 0)
            {
                job.Input = DeletionInput.Read(_s3, job.DataLocation, at);
            }
            else if (job.Input is { Failure: null } input)
            {
                job.Deleted = RemoveRecords(job.DatasetGroupArn, input.UserIds);
            }

            if (!job.Unsettled)
            {
                _unsettled.Remove(job);
            }
        }
    }

    private int RemoveRecords(string datasetGroupArn, IReadOnlySet<string> userIds)
    {
        long removed = 0;
        foreach (var dataset in _datasets.Values.Where(d => d.DatasetGroupArn == datasetGroupArn && d.HoldsUserData))
        {
            foreach (var user in userIds)
            {
                if (dataset.UserRecords.Remove(user, out var count))
                {
                    removed += count;
                }
            }
        }

        return (int)Math.Min(removed, int.MaxValue);
    }
}
