using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace PersonalizeDeletion.Fake.Hosting;

/// <summary>How to start the fake; <see cref="Parse"/> reads the command line.</summary>
public sealed record FakeServerOptions
{
    public const string Usage =
        "Usage: dotnet PersonalizeDeletion.Fake.dll [--port N] [--region-listener REGION]... [--recordings DIR] [--model PATH]\n" +
        "                                           [--verbose] [--ignore-stdin] [--record-upstream URL --record-dir DIR]\n" +
        "  --port N          port on 127.0.0.1 (0 or absent: any free port); there a request's region is the one it is signed for\n" +
        "  --region-listener REGION\n" +
        "                    also listen on a free port that is REGION's endpoint: requests signed for another region are\n" +
        "                    refused there, as AWS refuses them (GET /_fake/endpoints lists the URLs)\n" +
        "  --recordings DIR  recorded exchanges and credentials.json (default: tests/recordings found upward)\n" +
        "  --model PATH      service-2.json (default: model/service-2.json beside the fake's assembly)\n" +
        "  --verbose         ASP.NET Core logging to stderr\n" +
        "  --ignore-stdin    do not exit when stdin reaches EOF (for running in the background by hand)\n" +
        "  --record-upstream URL, --record-dir DIR\n" +
        "                    forward Personalize calls (only Personalize: S3 and STS stay in the fake) to URL, re-signed\n" +
        "                    with AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN, and write each exchange\n" +
        "                    (redacted) as a recording into DIR; a Create whose data is in the fake's S3 is refused";

    public int Port { get; init; }

    /// <summary>Regions that get a listener of their own (their endpoint), besides the shared one.</summary>
    public IReadOnlyList<string> RegionListeners { get; init; } = Array.Empty<string>();

    public string? RecordingsDirectory { get; init; }

    public string? ModelPath { get; init; }

    public bool Verbose { get; init; }

    public bool WatchStdin { get; init; } = true;

    public Uri? RecordUpstream { get; init; }

    public string? RecordDirectory { get; init; }

    public static FakeServerOptions Parse(IReadOnlyList<string> args)
    {
        var options = new FakeServerOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Value()
            {
                if (i + 1 >= args.Count)
                {
                    throw new ArgumentException($"{args[i]} needs a value.");
                }

                return args[++i];
            }

            options = args[i] switch
            {
                "--port" => options with
                {
                    Port = int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535
                        ? port
                        : throw new ArgumentException("--port needs a number from 0 to 65535."),
                },
                "--region-listener" => options with { RegionListeners = WithRegion(options.RegionListeners, Value()) },
                "--recordings" => options with { RecordingsDirectory = Value() },
                "--model" => options with { ModelPath = Value() },
                "--verbose" => options with { Verbose = true },
                "--ignore-stdin" => options with { WatchStdin = false },
                "--record-upstream" => options with
                {
                    RecordUpstream = Uri.TryCreate(Value(), UriKind.Absolute, out var upstream) && upstream.Scheme is "http" or "https"
                        ? upstream
                        : throw new ArgumentException("--record-upstream needs an absolute http(s) URL."),
                },
                "--record-dir" => options with { RecordDirectory = Value() },
                _ => throw new ArgumentException($"Unknown argument '{args[i]}'."),
            };
        }

        if ((options.RecordUpstream is null) != (options.RecordDirectory is null))
        {
            throw new ArgumentException("--record-upstream and --record-dir go together.");
        }

        return options;
    }

    private static List<string> WithRegion(IReadOnlyList<string> regions, string region) =>
        System.Text.RegularExpressions.Regex.IsMatch(region, "^[a-z]{2}(-[a-z]+)+-[0-9]+$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)
            ? regions.Append(region).Distinct(StringComparer.Ordinal).ToList()
            : throw new ArgumentException($"--region-listener needs a region name such as eu-west-1, not '{region}'.");
}
