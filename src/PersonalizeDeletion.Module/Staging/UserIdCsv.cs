using System;
using System.Text;

namespace PersonalizeDeletion.Staging
{
    /// <summary>
    /// The one-column CSV the service reads: a <c>USER_ID</c> header, one ID per row, LF line endings,
    /// UTF-8 without a byte order mark.
    /// </summary>
    /// <remarks>
    /// A field is quoted (RFC 4180, with inner quotes doubled) when it contains a comma, a double quote,
    /// CR or LF, when it starts or ends with white space (many CSV readers trim unquoted fields), or when
    /// it is empty (an empty unquoted row is a blank line, which readers skip). Everything else is
    /// written verbatim so that the common case is a single UTF-8 encode.
    /// </remarks>
    internal static class UserIdCsv
    {
        public const string HeaderName = "USER_ID";

        /// <summary>
        /// UTF-8 turns one UTF-16 code unit into at most 3 bytes (a surrogate pair is 4 bytes for 2 units),
        /// and a doubled quote is 2 bytes for 1 unit, so this bounds any row without measuring it.
        /// </summary>
        private const int MaxBytesPerChar = 3;

        private static readonly char[] CharactersThatNeedQuoting = { ',', '"', '\r', '\n' };

        /// <summary>The header row, <c>USER_ID</c> and a line feed.</summary>
        public static ReadOnlySpan<byte> HeaderLine => new[] { (byte)'U', (byte)'S', (byte)'E', (byte)'R', (byte)'_', (byte)'I', (byte)'D', (byte)'\n' };

        public static bool NeedsQuoting(string userId)
        {
            if (userId.Length == 0)
            {
                return true;
            }

            return char.IsWhiteSpace(userId[0])
                || char.IsWhiteSpace(userId[userId.Length - 1])
                || userId.IndexOfAny(CharactersThatNeedQuoting) >= 0;
        }

        /// <summary>The field as it appears in the file, without the line ending.</summary>
        public static string FormatField(string userId) =>
            NeedsQuoting(userId) ? "\"" + userId.Replace("\"", "\"\"") + "\"" : userId;

        /// <summary>An upper bound of <see cref="WriteRow"/>'s result, computed without encoding.</summary>
        public static int GetMaxRowByteCount(string userId) => checked((userId.Length * MaxBytesPerChar) + 3);

        /// <summary>
        /// Encodes the row (field and line feed) at <paramref name="offset"/> and returns its length in bytes.
        /// The destination must have <see cref="GetMaxRowByteCount"/> bytes free.
        /// </summary>
        public static int WriteRow(string userId, byte[] destination, int offset)
        {
            int position = offset;
            if (!NeedsQuoting(userId))
            {
                position += Encoding.UTF8.GetBytes(userId, 0, userId.Length, destination, position);
            }
            else
            {
                destination[position++] = (byte)'"';
                int start = 0;
                int quote;
                while ((quote = userId.IndexOf('"', start)) >= 0)
                {
                    // A quote is never half of a surrogate pair, so encoding the pieces separately is exact.
                    position += Encoding.UTF8.GetBytes(userId, start, quote - start, destination, position);
                    destination[position++] = (byte)'"';
                    destination[position++] = (byte)'"';
                    start = quote + 1;
                }

                position += Encoding.UTF8.GetBytes(userId, start, userId.Length - start, destination, position);
                destination[position++] = (byte)'"';
            }

            destination[position++] = (byte)'\n';
            return position - offset;
        }
    }
}
