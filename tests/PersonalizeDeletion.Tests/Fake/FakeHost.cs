using System;
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
        _server = await FakeServer.StartAsync(new FakeServerOptions());
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

    public async Task PostAsync(string path, object body)
    {
        using var response = await Control.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path} failed: {(int)response.StatusCode} {text}");
    }
}
