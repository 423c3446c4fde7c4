using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace PersonalizeDeletion.Fake.Hosting;

/// <summary>
/// Where the fake finds its service model and recordings. The model is copied beside the fake's assembly
/// at build time (from tests/model/), so it never depends on where the fake runs from; the recordings are
/// found by walking up to the checkout's tests/recordings, so editing them needs no rebuild.
/// </summary>
public static class RepositoryPaths
{
    public static readonly string ModelRelativePath = Path.Combine("model", "service-2.json");

    public static readonly string RecordingsRelativePath = Path.Combine("tests", "recordings");

    public static string? FindModel()
    {
        string beside = Path.Combine(AppContext.BaseDirectory, ModelRelativePath);
        return File.Exists(beside) ? beside : null;
    }

    public static string? FindRecordings() => FindUpward(RecordingsRelativePath, Directory.Exists);

    /// <summary>The first <paramref name="relativePath"/> that exists under the start directories or any of their ancestors.</summary>
    public static string? FindUpward(string relativePath, Func<string, bool> exists) =>
        StartDirectories()
            .SelectMany(Ancestors)
            .Select(directory => Path.Combine(directory, relativePath))
            .FirstOrDefault(exists);

    private static IEnumerable<string> StartDirectories()
    {
        yield return Directory.GetCurrentDirectory();
        yield return AppContext.BaseDirectory;
    }

    private static IEnumerable<string> Ancestors(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            yield return directory.FullName;
        }
    }
}
