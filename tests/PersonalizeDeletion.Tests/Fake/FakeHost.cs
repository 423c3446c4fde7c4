using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading.Tasks;
using PersonalizeDeletion.Fake.Hosting;
using Xunit;

namespace PersonalizeDeletion.Tests.Fake;

/// <summary>One fake per test class instance, started in-process on a free port with the repository's recordings.</summary>
public sealed class FakeHost : IAsyncLifetime
{
    private FakeServer? _server;

    public FakeServer Server => _server ?? throw new InvalidOperationException("The fake has not started.");

    public string Url => Server.BaseAddress;

    public HttpClient Control { get; } = new();

    public async Task InitializeAsync()
    {
        _server = await FakeServer.StartAsync(Options());
        Control.BaseAddress = new Uri(Url);
    }

    public async Task DisposeAsync()
    {
        Control.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>
    /// The test build may live outside the checkout (--artifacts-path), so paths are given rather than
    /// searched for: the model copy the test project ships and the recordings beside this source file.
    /// </summary>
    public static FakeServerOptions Options() => new()
    {
        ModelPath = Path.Combine(AppContext.BaseDirectory, "reference", "service-2.json"),
        RecordingsDirectory = Path.GetFullPath(Path.Combine(SourceDirectory(), "..", "..", "recordings")),
    };

    public async Task PostAsync(string path, object body)
    {
        using var response = await Control.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path} failed: {(int)response.StatusCode} {text}");
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
