using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using PersonalizeDeletion.Fake.Hosting;

namespace PersonalizeDeletion.Fake;

/// <summary>
/// Process entry point. Prints exactly one stdout line, <c>LISTENING http://127.0.0.1:PORT</c>, when
/// ready, and exits on POST /_fake/shutdown, Ctrl+C, or when stdin reaches EOF, so a test run that
/// dies takes its fake down with it.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        FakeServerOptions options;
        try
        {
            options = FakeServerOptions.Parse(args);
        }
        catch (ArgumentException e)
        {
            await Console.Error.WriteLineAsync($"{e.Message}\n{FakeServerOptions.Usage}");
            return 2;
        }

        FakeServer server;
        try
        {
            server = await FakeServer.StartAsync(options);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            await Console.Error.WriteLineAsync($"PersonalizeDeletion.Fake failed to start: {e.Message}");
            return 1;
        }

        await using (server)
        {
            await Console.Out.WriteLineAsync($"LISTENING {server.BaseAddress}");
            await Console.Out.FlushAsync();
            var stdinClosed = options.WatchStdin ? WaitForStdinEofAsync() : Task.Delay(Timeout.Infinite);
            await Task.WhenAny(server.StopRequested, stdinClosed);
        }

        return 0;
    }

    /// <summary>Reads stdin to its end on a dedicated thread; parents keep the pipe open for as long as they want the fake.</summary>
    private static Task WaitForStdinEofAsync() => Task.Factory.StartNew(
        () =>
        {
            using var stdin = Console.OpenStandardInput();
            var buffer = new byte[256];
            while (stdin.Read(buffer, 0, buffer.Length) > 0)
            {
                // Input is ignored; only its end matters.
            }
        },
        CancellationToken.None,
        TaskCreationOptions.LongRunning,
        TaskScheduler.Default);
}
