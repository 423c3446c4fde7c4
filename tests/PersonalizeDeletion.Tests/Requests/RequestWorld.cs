using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using PersonalizeDeletion.Personalize;
using PersonalizeDeletion.Requests;
using PersonalizeDeletion.Staging;
using PersonalizeDeletion.Tests.Jobs;
using PersonalizeDeletion.Tests.Staging;
using Xunit;

namespace PersonalizeDeletion.Tests.Requests
{
    /// <summary>
    /// Everything a <see cref="DeletionRequest"/> talks to, in memory: dataset groups and jobs (Personalize), the
    /// staging bucket and callers' data locations (S3), a reporter that records, and a clock whose waits return at
    /// once and are recorded.
    /// </summary>
    internal sealed class RequestWorld : IDeletionServices, IDataLocationInspector
    {
        public const string Account = "123456789012";
        public const string Retail = "arn:aws:personalize:us-east-1:123456789012:dataset-group/retail";
        public const string Media = "arn:aws:personalize:us-east-1:123456789012:dataset-group/media";
        public const string Books = "arn:aws:personalize:us-east-1:123456789012:dataset-group/books";
        public const string Role = "arn:aws:iam::123456789012:role/PersonalizeDeletionRole";
        public const string StagingUri = "s3://deletion-staging/requests/";

        private readonly Dictionary<string, DataLocationSummary> _locations = new Dictionary<string, DataLocationSummary>(StringComparer.Ordinal);
        private readonly Dictionary<string, byte[]> _locationContent = new Dictionary<string, byte[]>(StringComparer.Ordinal);

        public RequestWorld()
        {
            Service = new GroupsAndJobs(Jobs);
            foreach (string group in new[] { Retail, Media, Books })
            {
                Service.Groups[group] = "ACTIVE";
            }
        }

        /// <summary>The jobs; Create refuses a name that is taken, as the service does.</summary>
        public InMemoryPersonalizeClient Jobs { get; } = new InMemoryPersonalizeClient();

        /// <summary>What the request calls: dataset groups, and <see cref="Jobs"/>.</summary>
        public GroupsAndJobs Service { get; }

        public InMemoryS3StagingClient S3 { get; } = new InMemoryS3StagingClient();

        public RecordingReporter Reporter { get; } = new RecordingReporter();

        public FakeClock Clock { get; } = new FakeClock();

        public List<string> Deleted { get; } = new List<string>();

        /// <summary>Set to fail the removal of staged objects.</summary>
        public Func<string, Exception?>? DeleteFault { get; set; }

        public int Connections { get; private set; }

        /// <summary>The local files and folders piped strings may name, by the text that names them.</summary>
        public PathProbe Paths { get; } = new PathProbe();

        /// <summary>Keys the request read the first bytes of (a ranged GET), as s3://bucket/key.</summary>
        public List<string> HeadersRead { get; } = new List<string>();

        public DeletionRequest Request(DeletionRequestOptions? options = null, CancellationToken cancellation = default) =>
            new DeletionRequest(options ?? new DeletionRequestOptions(), Reporter, Clock, cancellation, Paths);

        /// <summary>Runs a request to its end: <paramref name="input"/> adds what comes in, then it completes.</summary>
        public void Run(Action<DeletionRequest> input, DeletionRequestOptions? options = null)
        {
            using DeletionRequest request = Request(options);
            input(request);
            request.Complete();
        }

        /// <summary>The problem that stops a request while <paramref name="input"/> adds what comes in.</summary>
        public DeletionRequestException Stopped(Action<DeletionRequest> input)
        {
            using DeletionRequest request = Request();
            return Assert.Throws<DeletionRequestException>(() => input(request));
        }

        public DeletionTarget Target(params string[] groups) => Target(groups.Length == 0 ? new[] { Retail } : groups, StagingUri);

        public DeletionTarget Target(string[] groups, string? stagingUri) => new DeletionTarget(groups, Role, stagingUri, "test", () =>
        {
            Connections++;
            return this;
        });

        /// <summary>A data location of one object whose text is <paramref name="csv"/>, fingerprinted as <paramref name="content"/>.</summary>
        public void AddLocation(string uri, long bytes, string content, string csv = "USER_ID\nx\n")
        {
            string key = uri.Substring(uri.IndexOf('/', "s3://".Length) + 1);
            _locations[uri] = new DataLocationSummary(new[] { new DataLocationObject(key, bytes) }, bytes, null, content);
            _locationContent[uri] = Encoding.UTF8.GetBytes(csv);
        }

        /// <summary>A folder of CSV objects, by key under the folder.</summary>
        public void AddFolder(string uri, params (string Name, string Csv)[] objects)
        {
            string prefix = uri.Substring(uri.IndexOf('/', "s3://".Length) + 1);
            string bucketUri = uri.Substring(0, uri.Length - prefix.Length);
            var listed = objects.Select(item => new DataLocationObject(prefix + item.Name, Encoding.UTF8.GetByteCount(item.Csv))).ToList();
            _locations[uri] = new DataLocationSummary(listed, listed.Sum(item => item.Size), null, "folder " + uri);
            foreach ((string name, string csv) in objects)
            {
                _locationContent[bucketUri + prefix + name] = Encoding.UTF8.GetBytes(csv);
            }
        }

        /// <summary>Objects in the staging bucket, by key.</summary>
        public IReadOnlyDictionary<string, InMemoryS3StagingClient.StoredObject> Staged => S3.Objects;

        public string StagedText(string key) => Encoding.UTF8.GetString(S3.Objects[key].Content);

        public IPersonalizeClient Personalize(string region) => Service;

        public IS3StagingClient Staging() => S3;

        public IDataLocationInspector Inspector(string expectedBucketOwner) => this;

        public Task<DataLocationSummary?> SummarizeAsync(S3Location location, CancellationToken cancellationToken) =>
            Task.FromResult(_locations.TryGetValue(location.ToString(), out DataLocationSummary? summary) ? summary : null);

        public Task<DataLocationProblem?> CheckObjectsAsync(string bucket, IReadOnlyList<DataLocationObject> objects, CancellationToken cancellationToken)
        {
            foreach (DataLocationObject item in objects)
            {
                string uri = "s3://" + bucket + "/" + item.Key;
                HeadersRead.Add(uri);
                byte[] content = _locationContent[uri];
                string? reason = DataLocationHeader.Problem(content.AsSpan(0, Math.Min(content.Length, DataLocationHeader.BytesRead)), content.Length);
                if (reason is not null)
                {
                    return Task.FromResult<DataLocationProblem?>(new DataLocationProblem(bucket, item.Key, reason, kmsEncrypted: false));
                }
            }

            return Task.FromResult<DataLocationProblem?>(null);
        }

        public Task<bool> HoldsSameDataAsync(string location, StagedObject staged, CancellationToken cancellationToken)
        {
            string key = location.Substring(("s3://" + staged.Bucket + "/").Length);
            return Task.FromResult(S3.Objects.TryGetValue(key, out InMemoryS3StagingClient.StoredObject? stored)
                && stored.Content.SequenceEqual(S3.Objects[staged.Key].Content));
        }

        public Task<IReadOnlyList<string>?> GetStagedForDatasetGroupsAsync(string bucket, string key, CancellationToken cancellationToken) =>
            throw new NotSupportedException("A deletion request does not read back what it staged for.");

        public async Task DeleteAsync(string bucket, string key, CancellationToken cancellationToken)
        {
            if (DeleteFault?.Invoke(key) is Exception fault)
            {
                throw fault;
            }

            Deleted.Add(key);
            await S3.DeleteObjectAsync(new S3ObjectAddress(bucket, key, Account), cancellationToken);
        }

        public void Dispose()
        {
        }

        /// <summary>Answers as the cmdlet's probe does, from a list of existing items; counts the questions.</summary>
        internal sealed class PathProbe : ILocalPathProbe
        {
            public Dictionary<string, bool> Items { get; } = new Dictionary<string, bool>(StringComparer.Ordinal);

            public List<string> Asked { get; } = new List<string>();

            public string? ExistingItem(string text, out bool isFolder)
            {
                Asked.Add(text);
                isFolder = Items.TryGetValue(text, out bool folder) && folder;
                return Items.ContainsKey(text) ? "/home/dpo/" + text.TrimStart('.', '/') : null;
            }
        }
    }
}
