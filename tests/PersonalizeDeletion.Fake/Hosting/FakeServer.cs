using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PersonalizeDeletion.Fake.Control;
using PersonalizeDeletion.Fake.Model;
using PersonalizeDeletion.Fake.Recordings;

namespace PersonalizeDeletion.Fake.Hosting;

/// <summary>
/// The fake as a running loopback server: Personalize (awsJson1_1), STS (query) and path-style S3 on one
/// port, plus the /_fake/ control endpoints; optionally one more port per region that acts as that region's
/// endpoint. Start it in-process with <see cref="StartAsync"/> or as a process through <see cref="Program"/>.
/// </summary>
public sealed class FakeServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TaskCompletionSource _stopRequested = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private FakeServer(WebApplication app, FakeState state, Uri url, IReadOnlyDictionary<string, Uri> regionUrls)
    {
        _app = app;
        State = state;
        Url = url;
        RegionUrls = regionUrls;
    }

    /// <summary>The base URL, e.g. http://127.0.0.1:51234/.</summary>
    public Uri Url { get; }

    /// <summary>The base address as text without a trailing slash: http://127.0.0.1:PORT.</summary>
    public string BaseAddress => Url.GetLeftPart(UriPartial.Authority);

    public int Port => Url.Port;

    /// <summary>The region listeners: each URL is that region's endpoint.</summary>
    public IReadOnlyDictionary<string, Uri> RegionUrls { get; }

    public FakeState State { get; }

    /// <summary>Completes when a client asks the fake to stop (POST /_fake/shutdown) or the host is stopping.</summary>
    public Task StopRequested => _stopRequested.Task;

    public static async Task<FakeServer> StartAsync(FakeServerOptions options, CancellationToken cancellationToken = default)
    {
        var modelPath = options.ModelPath ?? RepositoryPaths.FindModel()
            ?? throw new FileNotFoundException($"Cannot find {RepositoryPaths.ModelRelativePath} beside the fake's assembly (it is copied there from tests/model/ at build time); pass --model.");
        var recordings = options.RecordingsDirectory ?? RepositoryPaths.FindRecordings();
        if (recordings is not null && !Directory.Exists(recordings))
        {
            throw new DirectoryNotFoundException($"The recordings directory {recordings} does not exist.");
        }

        var clock = Stopwatch.StartNew();

        // Loading the model and recordings overlaps with building the web host: the fake starts in
        // every Pester file's BeforeAll, so start-up time is paid many times per run.
        var stateTask = Task.Run(() => new FakeState(ServiceModel.Load(modelPath), recordings), cancellationToken);

        // The empty builder skips configuration files, file watchers and default logging: nothing
        // here is configurable except through the command line.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(FakeServer).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseKestrelCore();
        if (options.Verbose)
        {
            builder.Services.AddLogging(logging => logging
                .AddSimpleConsole(o => o.SingleLine = true)
                .SetMinimumLevel(LogLevel.Debug));
            builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        }

        ListenOptions? shared = null;
        var regional = new Dictionary<string, ListenOptions>(StringComparer.Ordinal);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.Port, listen => shared = listen);
            foreach (var region in options.RegionListeners)
            {
                kestrel.Listen(IPAddress.Loopback, 0, listen => regional[region] = listen);
            }

            kestrel.AddServerHeader = false;

            // Staging uploads and the benchmarks' multi-megabyte parts must not hit the 30 MB default.
            kestrel.Limits.MaxRequestBodySize = null;
        });

        var app = builder.Build();
        var state = await stateTask;
        var stateReady = clock.Elapsed;
        IPersonalizeForwarder? forwarder = options.RecordUpstream is null
            ? null
            : new UpstreamRecorder(options.RecordUpstream, options.RecordDirectory!, UpstreamRecorder.CredentialFromEnvironment(), bucket => state.S3.FindBucket(bucket) is not null);
        var regionByPort = new Dictionary<int, string>();
        var gateway = new ServiceGateway(state, forwarder, context => regionByPort.GetValueOrDefault(context.Connection.LocalPort));
        FakeServer? server = null;
        var control = new ControlApi(state, () => server!._stopRequested.TrySetResult(), () => server!);
        app.Run(async context =>
        {
            try
            {
                await (context.Request.Path.StartsWithSegments(ControlApi.Prefix.TrimEnd('/'), StringComparison.Ordinal)
                    ? control.HandleAsync(context)
                    : gateway.HandleAsync(context));
            }
            catch (Exception e) when (!context.RequestAborted.IsCancellationRequested)
            {
                // Anything escaping the handlers is a bug in the fake: make it loud for the test run.
                await Console.Error.WriteLineAsync($"[PersonalizeDeletion.Fake] BUG while handling {context.Request.Method} {context.Request.Path}: {e}");
                if (!context.Response.HasStarted)
                {
                    context.Response.StatusCode = 500;
                    context.Response.ContentType = "text/plain";
                    await context.Response.WriteAsync($"PersonalizeDeletion.Fake internal error: {e.Message}");
                }
            }
        });

        await app.StartAsync(cancellationToken);

        // Kestrel writes the port it bound into each listener's options once it listens.
        var port = shared!.IPEndPoint!.Port;
        var regionUrls = new Dictionary<string, Uri>(StringComparer.Ordinal);
        foreach (var (region, listen) in regional)
        {
            regionByPort[listen.IPEndPoint!.Port] = region;
            regionUrls[region] = new Uri($"http://127.0.0.1:{listen.IPEndPoint.Port}");
        }

        server = new FakeServer(app, state, new Uri($"http://127.0.0.1:{port}"), regionUrls);
        if (options.Verbose)
        {
            await Console.Error.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"[PersonalizeDeletion.Fake] host and state ready after {stateReady.TotalMilliseconds:F0} ms; listening after {clock.Elapsed.TotalMilliseconds:F0} ms (process up {(DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds:F0} ms)."));
        }

        app.Lifetime.ApplicationStopping.Register(() => server._stopRequested.TrySetResult());
        return server;
    }

    public async Task StopAsync()
    {
        _stopRequested.TrySetResult();
        await _app.StopAsync(TimeSpan.FromSeconds(2));
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _app.DisposeAsync();
    }
}
