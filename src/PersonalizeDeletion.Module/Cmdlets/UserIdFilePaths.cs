using System;
using System.Collections.ObjectModel;
using System.Linq;
using System.Management.Automation;

namespace PersonalizeDeletion.Cmdlets
{
    /// <summary>
    /// Resolves New-PDataDeletionJob's file arguments to file system paths the way PowerShell resolves paths: -Path
    /// with wildcards, -LiteralPath and piped names as given. A path that names no file (or a folder) is
    /// UserIdFileNotFound, handed to <c>stop</c>, which throws.
    /// </summary>
    internal static class UserIdFilePaths
    {
        public static Collection<string> Resolve(PSCmdlet cmdlet, string path, Action<ErrorRecord> stop)
        {
            Collection<string> resolved;
            ProviderInfo provider;
            try
            {
                resolved = cmdlet.GetResolvedProviderPathFromPSPath(path, out provider);
            }
            catch (ItemNotFoundException missing)
            {
                stop(ErrorRecordFactory.Create(ErrorIds.UserIdFileNotFound, new ItemNotFoundException($"The user ID file '{path}' does not exist.", missing), path));
                throw;
            }

            if (provider.Name != "FileSystem")
            {
                stop(NotAFileSystemPath(path));
            }

            if (resolved.Count == 0)
            {
                string hint = WildcardPattern.ContainsWildcardCharacters(path) ? " (-Path takes wildcards: for a name with [ ] in it, use -LiteralPath)" : string.Empty;
                stop(ErrorRecordFactory.Create(ErrorIds.UserIdFileNotFound, new ItemNotFoundException($"No file matches '{path}'{hint}."), path));
            }

            if (WildcardPattern.ContainsWildcardCharacters(path))
            {
                // 'req[1].csv' is a pattern that matches req1.csv: if a file has that very name, the caller almost
                // certainly meant it, and deleting the users of another file is not a mistake to make quietly.
                string literal = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path);
                if (System.IO.File.Exists(literal) && !resolved.Contains(literal))
                {
                    stop(ErrorRecordFactory.Create(ErrorIds.AmbiguousUserIdFilePath,
                        new ArgumentException($"'{path}' names a file, but as a -Path wildcard pattern it matches {string.Join(", ", resolved.Select(System.IO.Path.GetFileName))} instead. Use -LiteralPath for the file named '{System.IO.Path.GetFileName(literal)}', or escape the wildcard characters with a backtick."), path));
                }
            }

            foreach (string file in resolved)
            {
                StopIfFolder(file, path, stop);
            }

            return resolved;
        }

        /// <summary>-LiteralPath, and the FullName or Path of a piped object: one file, named exactly, no wildcards.</summary>
        public static string ResolveLiteral(PSCmdlet cmdlet, string path, Action<ErrorRecord> stop)
        {
            string file;
            try
            {
                file = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out ProviderInfo provider, out _);
                if (provider.Name != "FileSystem")
                {
                    stop(NotAFileSystemPath(path));
                }
            }
            catch (Exception failure) when (failure is ItemNotFoundException || failure is DriveNotFoundException || failure is ProviderNotFoundException)
            {
                stop(ErrorRecordFactory.Create(ErrorIds.UserIdFileNotFound, new ItemNotFoundException($"The user ID file '{path}' does not exist.", failure), path));
                throw;
            }

            StopIfFolder(file, path, stop);
            if (!System.IO.File.Exists(file))
            {
                stop(ErrorRecordFactory.Create(ErrorIds.UserIdFileNotFound, new ItemNotFoundException($"The user ID file '{path}' does not exist."), path));
            }

            return file;
        }

        private static ErrorRecord NotAFileSystemPath(string path) =>
            ErrorRecordFactory.Create(ErrorIds.UserIdFileNotFound, ErrorCategory.InvalidArgument, new ArgumentException($"'{path}' is not a file system path."), path);

        private static void StopIfFolder(string file, string given, Action<ErrorRecord> stop)
        {
            if (System.IO.Directory.Exists(file))
            {
                stop(ErrorRecordFactory.Create(ErrorIds.UserIdFileNotFound, ErrorCategory.InvalidArgument,
                    new ArgumentException($"'{given}' is a folder, not a CSV file: give the files in it, for example -Path '{System.IO.Path.Combine(given, "*.csv")}'."), given));
            }
        }
    }
}
