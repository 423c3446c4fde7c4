using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using PersonalizeDeletion.Fake.Hosting;
using PersonalizeDeletion.Fake.Model;
using PersonalizeDeletion.Fake.Recordings;
using Xunit;

namespace PersonalizeDeletion.Tests.Fake;

/// <summary>Record mode, tested by pointing one fake at another fake as its "real" upstream.</summary>
public sealed class FakeRecordModeTests
{
    [Fact]
    public async Task RecordMode_ForwardsReSignedCalls_AndWritesReplayableRedactedRecordings()
    {
        var directory = Directory.CreateTempSubdirectory("pd-fake-record-");
        var saved = (Id: Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID"), Secret: Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY"), Token: Environment.GetEnvironmentVariable("AWS_SESSION_TOKEN"));
        try
        {
            // The upstream knows only the operator's key; the client signs for the recorder with its own.
            Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIAFAKESECOND000002");
            Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "fakeSecretSecond00000000000000000000000");
            Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", null);
            await using var upstream = await FakeServer.StartAsync(FakeHost.Options());
            await using var recorder = await FakeServer.StartAsync(FakeHost.Options() with { RecordUpstream = new Uri(upstream.BaseAddress), RecordDirectory = directory.FullName });
            using var client = new SdkSignedPersonalizeClient(recorder.BaseAddress);

            var found = await client.SendAsync("DescribeDatasetGroup", new { datasetGroupArn = "arn:aws:personalize:us-east-1:123456789012:dataset-group/media" });
            var missing = await client.SendAsync("DescribeDatasetGroup", new { datasetGroupArn = "arn:aws:personalize:us-east-1:123456789012:dataset-group/absent" });

            Assert.Equal(200, found.Status);
            Assert.Equal("media", found.Body.GetProperty("datasetGroup").GetProperty("name").GetString());
            Assert.Equal("ResourceNotFoundException", missing.ErrorType);
            var upstreamLog = upstream.State.Requests;
            string?[] keys = Array.Empty<string?>();
            upstreamLog.Read(entries => keys = entries.Select(e => e.AccessKeyId).ToArray());
            Assert.Equal(new[] { "AKIAFAKESECOND000002", "AKIAFAKESECOND000002" }, keys);

            var files = Directory.GetFiles(directory.FullName, "*.json");
            Assert.Equal(2, files.Length);
            foreach (var text in files.Select(File.ReadAllText))
            {
                Assert.DoesNotContain("AKIA", text);
                Assert.DoesNotContain("fakeSecret", text);
                Assert.DoesNotContain("Signature", text);
            }

            var replayed = RecordingSet.Load(directory.FullName, ServiceModel.Load(FakeHost.Options().ModelPath!));
            Assert.Equal(new[] { 200, 400 }, replayed.Exchanges.Select(e => e.Status).Order());
            Assert.All(replayed.Exchanges, e => Assert.Equal("us-east-1", e.Region));
        }
        finally
        {
            Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", saved.Id);
            Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", saved.Secret);
            Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", saved.Token);
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task RecordMode_RefusesACreateWhoseDataLivesOnlyInTheFake_AndForwardsOneInARealBucket()
    {
        var directory = Directory.CreateTempSubdirectory("pd-fake-record-");
        var saved = (Id: Environment.GetEnvironmentVariable("AWS_ACCESS_KEY_ID"), Secret: Environment.GetEnvironmentVariable("AWS_SECRET_ACCESS_KEY"), Token: Environment.GetEnvironmentVariable("AWS_SESSION_TOKEN"));
        try
        {
            Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIAFAKESECOND000002");
            Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "fakeSecretSecond00000000000000000000000");
            Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", null);
            await using var upstream = await FakeServer.StartAsync(FakeHost.Options());
            await using var recorder = await FakeServer.StartAsync(FakeHost.Options() with { RecordUpstream = new Uri(upstream.BaseAddress), RecordDirectory = directory.FullName });
            using var control = new System.Net.Http.HttpClient { BaseAddress = recorder.Url };
            (await control.PutAsync("/_fake/s3/object?bucket=deletion-staging&key=requests/x-001.csv", new System.Net.Http.StringContent("USER_ID\nu1\n"))).EnsureSuccessStatusCode();
            using var client = new SdkSignedPersonalizeClient(recorder.BaseAddress);

            var refused = await client.SendAsync("CreateDataDeletionJob", Create("staged-here", "s3://deletion-staging/requests/x-001.csv"));
            var forwarded = await client.SendAsync("CreateDataDeletionJob", Create("real-data", "s3://customer-exports/forget/users.csv"));

            Assert.Equal("RecordModeRefusedException", refused.ErrorType);
            Assert.Contains("deletion-staging", refused.Message, StringComparison.Ordinal);
            Assert.Equal(200, forwarded.Status);
            Assert.Equal("real-data", Assert.Single(upstream.State.Personalize.AllJobs()).Job.JobName);
            var recorded = Assert.Single(Directory.GetFiles(directory.FullName, "*.json"));
            Assert.Contains("real-data", File.ReadAllText(recorded), StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", saved.Id);
            Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", saved.Secret);
            Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", saved.Token);
            directory.Delete(recursive: true);
        }
    }

    private static object Create(string name, string location) => new
    {
        jobName = name,
        datasetGroupArn = "arn:aws:personalize:us-east-1:123456789012:dataset-group/retail",
        dataSource = new { dataLocation = location },
        roleArn = "arn:aws:iam::123456789012:role/PersonalizeS3Access",
    };
}
