using System;
using System.Runtime.CompilerServices;
using PersonalizeDeletion.Staging;

namespace PersonalizeDeletion.Requests
{
    /// <summary>
    /// The rules that tell a piped string that is evidently not a user ID: the header line of a CSV file (its
    /// text was piped, as Get-Content pipes it, instead of its rows), or the name of a file. Both are checked
    /// on every piped string, so the common ID is decided in a few comparisons.
    /// </summary>
    internal static class PipedTextIntent
    {
        private const int ShortestHeader = 7;

        // A file name that was meant for -Path, tab-completed or typed: these end it.
        private static readonly string[] FileExtensions = { ".csv", ".txt", ".tsv" };

        private static readonly char[] LineBreaks = { '\r', '\n' };
        private static readonly char[] FieldSeparators = { ',', ';', '\t' };

        /// <summary>
        /// True when the text's first line is a CSV header with a USER_ID column, in any case: USER_ID alone, or
        /// one field of a line separated by commas (semicolons and tabs too, as Excel and TSV files have them).
        /// Fields may be quoted and padded with spaces. A user ID that merely contains a comma, or USER_ID as
        /// part of a longer field (user_id_42), is not a header.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        public static bool IsCsvHeader(string text)
        {
            // Nearly every ID ends here: no underscore, or no USER_ID in it at all.
            if (text.Length < ShortestHeader || text.IndexOf('_') < 0 || text.IndexOf(UserIdCsv.HeaderName, StringComparison.OrdinalIgnoreCase) < 0)
            {
                return false;
            }

            int lineEnd = text.IndexOfAny(LineBreaks);
            string line = lineEnd < 0 ? text : text.Substring(0, lineEnd);
            foreach (string field in line.Split(FieldSeparators))
            {
                if (UserIdCsv.IsHeaderName(UserIdCsv.UnquoteHeaderField(field)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// True when the text looks like a file system path worth asking the file system about: rooted (/, \, a
        /// drive letter), relative to the current or parent folder (./ ..\), under the home folder (~), or ending in
        /// .csv, .txt or .tsv. IDs with a slash inside (tenant/42) are not asked about: they are common, and a stat
        /// call each would slow a million-ID pipeline for a mistake nobody makes that way.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        public static bool MayNameFile(string text)
        {
            if (text.Length < 2)
            {
                return false;
            }

            char first = text[0];
            char second = text[1];
            if (first == '/' || first == '\\' || first == '~')
            {
                return true;
            }

            if (first == '.' && (IsSeparator(second) || (second == '.' && text.Length > 2 && IsSeparator(text[2]))))
            {
                return true;
            }

            if (second == ':' && text.Length > 2 && IsSeparator(text[2]) && ((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z')))
            {
                return true;
            }

            if (text.Length < 5 || text[text.Length - 4] != '.')
            {
                return false;
            }

            foreach (string extension in FileExtensions)
            {
                if (text.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsSeparator(char c) => c == '/' || c == '\\';
    }
}
