using System;
using System.Linq;
using System.Text;

namespace PersonalizeDeletion.Staging
{
    /// <summary>
    /// The first line a data deletion job needs in a caller's CSV: exactly <c>USER_ID</c> (after an optional UTF-8
    /// byte order mark), ending in LF, CRLF or the end of the object. The service refuses any other header - another
    /// case, quotes, spaces, a second column - and fails the job, so such an object is refused before any job exists.
    /// </summary>
    /// <remarks>
    /// Judged from the object's first <see cref="BytesRead"/> bytes. The reasons quote the first line only when it is
    /// a variant of the header itself: a file without a header starts with a user ID, which is personal data.
    /// </remarks>
    internal static class DataLocationHeader
    {
        /// <summary>How much of each object is read (a ranged GET): far more than the header's 12 bytes at most.</summary>
        public const int BytesRead = 1024;

        private static readonly byte[] Header = Encoding.ASCII.GetBytes(UserIdCsv.HeaderName);

        /// <summary>
        /// Null when a job can read the header; otherwise why not, as a clause ("it is empty", "its header has 2
        /// columns ..."). <paramref name="start"/> is the object's first bytes, <paramref name="objectSize"/> its size.
        /// </summary>
        public static string? Problem(ReadOnlySpan<byte> start, long objectSize)
        {
            if (objectSize == 0)
            {
                return "it is empty, without the header USER_ID a job needs on its first line";
            }

            if (start.Length >= 2 && ((start[0] == 0xFF && start[1] == 0xFE) || (start[0] == 0xFE && start[1] == 0xFF)))
            {
                return "it is UTF-16 encoded; a job reads UTF-8";
            }

            bool bom = start.Length >= 3 && start[0] == 0xEF && start[1] == 0xBB && start[2] == 0xBF;
            ReadOnlySpan<byte> rest = bom ? start.Slice(3) : start;
            int end = rest.IndexOf((byte)'\n');
            if (end < 0 && start.Length < objectSize)
            {
                return NotAHeader;
            }

            ReadOnlySpan<byte> line = end < 0 ? rest : rest.Slice(0, end);
            if (line.Length > 0 && line[line.Length - 1] == (byte)'\r')
            {
                line = line.Slice(0, line.Length - 1);
            }

            return line.SequenceEqual(Header) ? null : Describe(line);
        }

        private static string NotAHeader =>
            "its first line is not the header USER_ID (a file without a header starts with a user ID, which is not shown here)";

        private static string Describe(ReadOnlySpan<byte> line)
        {
            string text = Encoding.UTF8.GetString(line.ToArray());
            string[] fields = text.Split(',').Select(UserIdCsv.UnquoteHeaderField).ToArray();
            if (fields.Length > 1 && fields.Any(UserIdCsv.IsHeaderName))
            {
                return $"its header has {fields.Length} columns; a job reads only files with the one column USER_ID";
            }

            if (fields.Length == 1 && UserIdCsv.IsHeaderName(fields[0]))
            {
                // A variant of the header itself (case, quotes, spaces), so safe to show.
                string quoted = text.TrimStart().StartsWith("\"", StringComparison.Ordinal)
                    ? " (Export-Csv quotes it; in PowerShell 7 write the file with Export-Csv -UseQuotes AsNeeded)"
                    : string.Empty;
                return $"its header reads '{text}', and the service takes only USER_ID exactly: capitals, no quotes, no spaces{quoted}";
            }

            return NotAHeader;
        }
    }
}
