using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace PersonalizeDeletion.Fake.Hosting;

/// <summary>
/// Finds the service model and the recordings by walking up from the working directory and from
/// the assembly's directory, so <c>dotnet PersonalizeDeletion.Fake.dll</c> works from anywhere in the
/// checkout (bin/, output/fake/, the repository root).
/// </summary>
public static class RepositoryPaths
{
    public static readonly string ModelRelativePath = Path.Combine("shared", "reference", "personalize-api", "service-2.json");

    public static readonly string RecordingsRelativePath = Path.Combine("tests", "recordings");

    public static string? FindModel() => FindUpward(ModelRelativePath, File.Exists);

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
