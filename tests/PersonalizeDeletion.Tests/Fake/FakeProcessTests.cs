using System;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;
using PersonalizeDeletion.Fake.Hosting;
using Xunit;

namespace PersonalizeDeletion.Tests.Fake;

/// <summary>The process contract the Pester helpers rely on: one LISTENING line, then exit on stdin EOF or on request.</summary>
public sealed class FakeProcessTests
{
    [Fact]
    public async Task Process_AnnouncesItsUrl_AndExitsWhenStdinCloses()
    {
        using var process = Start();
        var url = await ReadListeningUrlAsync(process);
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        Assert.Equal("{\"status\":\"ok\"}", await http.GetStringAsync("/_fake/health"));

        process.StandardInput.Close();

        Assert.True(process.WaitForExit(10_000), "The fake kept running after stdin closed.");
        Assert.Equal(0, process.ExitCode);
        Assert.Equal(string.Empty, await process.StandardOutput.ReadToEndAsync());
    }

    [Fact]
    public async Task Process_ExitsOnShutdownRequest()
    {
        using var process = Start();
        var url = await ReadListeningUrlAsync(process);
        using var http = new HttpClient { BaseAddress = new Uri(url) };

        using var response = await http.PostAsync("/_fake/shutdown", null);

        response.EnsureSuccessStatusCode();
        Assert.True(process.WaitForExit(10_000), "The fake kept running after /_fake/shutdown.");
    }

    [Fact]
    public void Process_WithAnInvalidRecording_RefusesToStart_NamingTheProblem()
    {
        var directory = Directory.CreateTempSubdirectory("pd-fake-recordings-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "bad.json"), """
                [{ "name": "broken", "service": "personalize", "operation": "DescribeDatasetGroup",
                   "match": { "datasetGroupArn": "not-an-arn" }, "response": { "status": 200, "body": {} } }]
                """);
            using var process = Start("--recordings", directory.FullName);

            Assert.True(process.WaitForExit(10_000));
            Assert.Equal(1, process.ExitCode);
            var error = process.StandardError.ReadToEnd();
            Assert.Contains("bad.json", error);
            Assert.Contains("'broken'", error);
            Assert.Contains("datasetGroupArn", error);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static Process Start(params string[] extra)
    {
        var options = FakeHost.Options();
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(FakeServer).Assembly.Location);
        start.ArgumentList.Add("--model");
        start.ArgumentList.Add(options.ModelPath!);
        if (Array.IndexOf(extra, "--recordings") < 0)
        {
            start.ArgumentList.Add("--recordings");
            start.ArgumentList.Add(options.RecordingsDirectory!);
        }

        foreach (var argument in extra)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start)!;
    }

    private static async Task<string> ReadListeningUrlAsync(Process process)
    {
        var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.NotNull(line);
        Assert.Matches(@"^LISTENING http://127\.0\.0\.1:\d+$", line);
        return line!["LISTENING ".Length..];
    }
}
