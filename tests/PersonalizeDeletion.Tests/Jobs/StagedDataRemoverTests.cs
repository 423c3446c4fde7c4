using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PersonalizeDeletion.Jobs;
using PersonalizeDeletion.Personalize;
using PersonalizeDeletion.Requests;
using PersonalizeDeletion.Staging;
using Xunit;

namespace PersonalizeDeletion.Tests.Jobs
{
    public class StagedDataRemoverTests
    {
        private const string Retail = "arn:aws:personalize:us-east-1:123456789012:dataset-group/retail";
        private const string Media = "arn:aws:personalize:us-east-1:123456789012:dataset-group/media";
        private const string Csv = "s3://deletion-staging/requests/pdel-20260101T000000Z-0a1b2c3d-001.csv";
        private const string OtherCsv = "s3://deletion-staging/requests/pdel-20260101T000000Z-9f8e7d6c-001.csv";

        private readonly InMemoryPersonalizeClient _client = new InMemoryPersonalizeClient();
        private readonly StagedObjects _store = new StagedObjects();
        private readonly HashSet<string> _known = new HashSet<string>(StringComparer.Ordinal);

        [Fact]
        public async Task ACsvWhoseGroupsAllCompletedAndThatNoOtherJobReadsGoes()
        {
            _store.Staged[Csv] = new[] { Retail, Media };
            DataDeletionJob retail = Job("r1", Retail, Csv, DataDeletionJob.StatusCompleted);
            DataDeletionJob media = Job("m1", Media, Csv, DataDeletionJob.StatusCompleted);

            StagedDataDecision decision = Assert.Single(await Decide(retail, media));

            Assert.True(decision.Remove, decision.Reason);
            await Remover().RemoveAsync(decision, CancellationToken.None);
            Assert.Equal(new[] { Csv }, _store.Deleted);
            Assert.Equal("123456789012", _store.Owners.Single());
            Assert.Equal(2, _client.ListCalls);
        }

        [Fact]
        public async Task TheCsvOfAFailedJobStays()
        {
            _store.Staged[Csv] = new[] { Retail };

            StagedDataDecision decision = Assert.Single(await Decide(Job("r1", Retail, Csv, DataDeletionJob.StatusFailed)));

            Assert.False(decision.Remove);
            Assert.Contains("FAILED", decision.Reason, StringComparison.Ordinal);
            Assert.Equal(0, _client.ListCalls);
        }

        [Theory]
        [InlineData(DataDeletionJob.StatusPending)]
        [InlineData(DataDeletionJob.StatusInProgress)]
        [InlineData(null)]
        public async Task TheCsvOfAJobThatStillHasToReadItStays_EvenBesideACompletedOne(string? status)
        {
            // A wait that timed out (or -Any) leaves jobs unfinished; the same CSV serves both groups.
            _store.Staged[Csv] = new[] { Retail, Media };

            StagedDataDecision decision = Assert.Single(await Decide(Job("r1", Retail, Csv, DataDeletionJob.StatusCompleted), Job("m1", Media, Csv, status)));

            Assert.False(decision.Remove);
            Assert.Contains("m1", decision.Reason, StringComparison.Ordinal);
            Assert.Contains("still has to read it", decision.Reason, StringComparison.Ordinal);
            Assert.Equal(0, _store.HeadCalls);
        }

        [Fact]
        public async Task ACsvAnotherGroupStillNeedsStays()
        {
            _store.Staged[Csv] = new[] { Retail, Media };

            StagedDataDecision decision = Assert.Single(await Decide(Job("r1", Retail, Csv, DataDeletionJob.StatusCompleted)));

            Assert.False(decision.Remove);
            Assert.Contains(Media, decision.Reason, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData(DataDeletionJob.StatusPending)]
        [InlineData(DataDeletionJob.StatusInProgress)]
        public async Task ACsvThatAnUnfinishedJobOfAnEarlierRunReadsStays(string status)
        {
            // An earlier run (or a -DataLocation given by hand) left a job on the same CSV that this wait does not know.
            _store.Staged[Csv] = new[] { Retail };
            _client.Add(Info("earlier", Retail, Csv, status));
            _client.Add(Info("finished-elsewhere", Retail, OtherCsv, DataDeletionJob.StatusCompleted));

            StagedDataDecision decision = Assert.Single(await Decide(Job("r1", Retail, Csv, DataDeletionJob.StatusCompleted)));

            Assert.False(decision.Remove);
            Assert.Contains("earlier", decision.Reason, StringComparison.Ordinal);
            Assert.Contains(status, decision.Reason, StringComparison.Ordinal);
            Assert.Equal(new[] { "Describe arn:aws:personalize:us-east-1:123456789012:data-deletion-job/earlier" }, _client.Calls.Where(call => call.StartsWith("Describe", StringComparison.Ordinal)));
        }

        [Fact]
        public async Task EachGroupIsListedOnceAndEachUnknownLocationDescribedOnce_WhateverTheNumberOfCsvs()
        {
            _store.Staged[Csv] = new[] { Retail };
            _store.Staged[OtherCsv] = new[] { Retail };
            _client.Add(Info("unrelated", Retail, "s3://deletion-staging/requests/unrelated-001.csv", DataDeletionJob.StatusPending));

            IReadOnlyList<StagedDataDecision> decisions = await Decide(Job("r1", Retail, Csv, DataDeletionJob.StatusCompleted), Job("r2", Retail, OtherCsv, DataDeletionJob.StatusCompleted));

            Assert.All(decisions, decision => Assert.True(decision.Remove, decision.Reason));
            Assert.Equal(1, _client.ListCalls);
            Assert.Equal(1, _client.DescribeCalls);
        }

        [Fact]
        public async Task AnUnfinishedJobOfThisWaitWhoseLocationIsNotKnownIsDescribed()
        {
            _store.Staged[Csv] = new[] { Retail };
            _client.Add(Info("timed-out", Media, Csv, DataDeletionJob.StatusPending));
            DataDeletionJob unknown = Job("timed-out", Media, null, DataDeletionJob.StatusPending);

            StagedDataDecision decision = Assert.Single(await Decide(Job("r1", Retail, Csv, DataDeletionJob.StatusCompleted), unknown));

            Assert.False(decision.Remove);
            Assert.Contains("timed-out", decision.Reason, StringComparison.Ordinal);
        }

        [Fact]
        public async Task WhatCannotBeEstablishedKeepsTheCsv()
        {
            _store.Staged[Csv] = new[] { Retail };
            _client.ListFault = _ => new PersonalizeServiceException("AccessDeniedException", "not authorized to perform: personalize:ListDataDeletionJobs", "req-1", 400);

            StagedDataDecision listing = Assert.Single(await Decide(Job("r1", Retail, Csv, DataDeletionJob.StatusCompleted)));

            Assert.False(listing.Remove);
            Assert.Contains("could not be listed", listing.Reason, StringComparison.Ordinal);

            _client.ListFault = null;
            _client.Add(Info("earlier", Retail, Csv, DataDeletionJob.StatusPending));
            _client.DescribeFault = _ => new PersonalizeClientException("connection reset", null, null);
            StagedDataDecision describe = Assert.Single(await new StagedDataRemover(_store.For, _ => _client).DecideAsync(new[] { Job("r1", Retail, Csv, DataDeletionJob.StatusCompleted) }, CancellationToken.None));

            Assert.False(describe.Remove);
            Assert.Contains("could not be learned", describe.Reason, StringComparison.Ordinal);
        }

        [Fact]
        public async Task OnlyObjectsTheModuleStagedForNamedGroupsGo()
        {
            _store.Staged[OtherCsv] = Array.Empty<string>();
            IReadOnlyList<StagedDataDecision> decisions = await Decide(
                Job("own", Retail, "s3://customer-data/own/list.csv", DataDeletionJob.StatusCompleted),
                Job("unrecorded", Retail, OtherCsv, DataDeletionJob.StatusCompleted),
                Job("folder", Retail, "s3://customer-data/weekly/", DataDeletionJob.StatusCompleted));

            Assert.All(decisions, decision => Assert.False(decision.Remove));
            Assert.Contains("never removed", decisions[0].Reason, StringComparison.Ordinal);
            Assert.Contains("does not record", decisions[1].Reason, StringComparison.Ordinal);
            Assert.Contains("not an object", decisions[2].Reason, StringComparison.Ordinal);
            Assert.Empty(_store.Deleted);
        }

        [Fact]
        public async Task AnObjectS3CannotDescribeIsAFailureAndStays()
        {
            _store.HeadFault = new S3RequestException("AccessDenied", 403, "req-2", "HeadObject failed: Access Denied", null);

            StagedDataDecision decision = Assert.Single(await Decide(Job("r1", Retail, Csv, DataDeletionJob.StatusCompleted)));

            Assert.False(decision.Remove);
            Assert.Same(_store.HeadFault, decision.Failure);
            await Assert.ThrowsAsync<InvalidOperationException>(() => Remover().RemoveAsync(decision, CancellationToken.None));
            Assert.Empty(_store.Deleted);
        }

        private StagedDataRemover Remover() => new StagedDataRemover(_store.For, _ => _client);

        private Task<IReadOnlyList<StagedDataDecision>> Decide(params DataDeletionJob[] jobs) => Remover().DecideAsync(jobs, CancellationToken.None);

        private DataDeletionJob Job(string name, string group, string? location, string? status)
        {
            string arn = "arn:aws:personalize:us-east-1:123456789012:data-deletion-job/" + name;
            if (location is not null && _known.Add(arn))
            {
                _client.Add(Info(name, group, location, status));
            }

            return new DataDeletionJob { JobName = name, JobArn = arn, DatasetGroupArn = group, DataLocation = location, Status = status, Region = "us-east-1" };
        }

        private DataDeletionJobInfo Info(string name, string group, string location, string? status) => Remember(new DataDeletionJobInfo
        {
            JobName = name,
            DataDeletionJobArn = "arn:aws:personalize:us-east-1:123456789012:data-deletion-job/" + name,
            DatasetGroupArn = group,
            DataLocation = location,
            Status = status,
        });

        private DataDeletionJobInfo Remember(DataDeletionJobInfo info)
        {
            _known.Add(info.DataDeletionJobArn!);
            return info;
        }

        /// <summary>The bucket: staged objects by URI, and what the remover asked of them through <see cref="For"/>.</summary>
        private sealed class StagedObjects
        {
            public Dictionary<string, IReadOnlyList<string>> Staged { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

            public List<string> Deleted { get; } = new List<string>();

            public List<string?> Owners { get; } = new List<string?>();

            public Exception? HeadFault { get; set; }

            public int HeadCalls { get; private set; }

            /// <summary>The inspector for an expected bucket owner; a deletion records that owner.</summary>
            public IDataLocationInspector For(string? expectedBucketOwner) => new Inspector(this, expectedBucketOwner);

            private sealed class Inspector : IDataLocationInspector
            {
                private readonly StagedObjects _bucket;
                private readonly string? _expectedBucketOwner;

                public Inspector(StagedObjects bucket, string? expectedBucketOwner)
                {
                    _bucket = bucket;
                    _expectedBucketOwner = expectedBucketOwner;
                }

                public Task<IReadOnlyList<string>?> GetStagedForDatasetGroupsAsync(string bucket, string key, CancellationToken cancellationToken)
                {
                    _bucket.HeadCalls++;
                    if (_bucket.HeadFault is not null)
                    {
                        throw _bucket.HeadFault;
                    }

                    return Task.FromResult(_bucket.Staged.TryGetValue("s3://" + bucket + "/" + key, out IReadOnlyList<string>? groups) ? groups : null);
                }

                public Task DeleteAsync(string bucket, string key, CancellationToken cancellationToken)
                {
                    _bucket.Deleted.Add("s3://" + bucket + "/" + key);
                    _bucket.Owners.Add(_expectedBucketOwner);
                    return Task.CompletedTask;
                }

                public Task<DataLocationSummary?> SummarizeAsync(S3Location location, CancellationToken cancellationToken) =>
                    throw new NotSupportedException("The remover does not summarize data locations.");

                public Task<DataLocationProblem?> CheckObjectsAsync(string bucket, IReadOnlyList<DataLocationObject> objects, CancellationToken cancellationToken) =>
                    throw new NotSupportedException("The remover does not read headers.");

                public Task<bool> HoldsSameDataAsync(string location, StagedObject staged, CancellationToken cancellationToken) =>
                    throw new NotSupportedException("The remover does not compare data.");
            }
        }
    }
}
