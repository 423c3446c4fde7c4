using System;
using System.Runtime.CompilerServices;

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
    /// written verbatim, so the common row is a plain copy of the ID's UTF-8 bytes.
    /// </remarks>
    internal static class UserIdCsv
    {
        public const string HeaderName = "USER_ID";

        private static readonly char[] CharactersThatNeedQuoting = { ',', '"', '\r', '\n' };

        /// <summary>The header row, <c>USER_ID</c> and a line feed.</summary>
        public static ReadOnlySpan<byte> HeaderLine => new[] { (byte)'U', (byte)'S', (byte)'E', (byte)'R', (byte)'_', (byte)'I', (byte)'D', (byte)'\n' };

        /// <summary>True when a header field names the USER_ID column, in any case, as Import-Csv binds it.</summary>
        public static bool IsHeaderName(string name) => string.Equals(name, HeaderName, StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// A header field as a person reads it: without surrounding white space, byte order mark and double quotes. For
        /// recognising a header line in text, not for reading IDs (the file reader parses RFC 4180 itself).
        /// </summary>
        public static string UnquoteHeaderField(string field)
        {
            string trimmed = field.Trim().Trim('\uFEFF').Trim();
            return trimmed.Length >= 2 && trimmed[0] == '"' && trimmed[trimmed.Length - 1] == '"'
                ? trimmed.Substring(1, trimmed.Length - 2).Trim()
                : trimmed;
        }

        [MethodImpl(HotPath.Optimize)]
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

        /// <summary>The length of the row <see cref="WriteRow(ReadOnlySpan{byte}, bool, byte[], int)"/> writes, at most.</summary>
        public static int GetMaxRowByteCount(int utf8Length, bool quote) => quote ? checked((utf8Length * 2) + 3) : utf8Length + 1;

        /// <summary>
        /// Writes the row (field and line feed) of an ID given as UTF-8 at <paramref name="offset"/> and returns its
        /// length; <paramref name="quote"/> comes from <see cref="NeedsQuoting"/>. The destination must have
        /// <see cref="GetMaxRowByteCount(int, bool)"/> bytes free.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        public static int WriteRow(ReadOnlySpan<byte> utf8UserId, bool quote, byte[] destination, int offset)
        {
            if (!quote)
            {
                utf8UserId.CopyTo(new Span<byte>(destination, offset, utf8UserId.Length));
                destination[offset + utf8UserId.Length] = (byte)'\n';
                return utf8UserId.Length + 1;
            }

            int position = offset;
            destination[position++] = (byte)'"';
            foreach (byte b in utf8UserId)
            {
                // A quote byte is always the character itself in UTF-8 (continuation bytes are 0x80 and up).
                destination[position++] = b;
                if (b == (byte)'"')
                {
                    destination[position++] = (byte)'"';
                }
            }

            destination[position++] = (byte)'"';
            destination[position++] = (byte)'\n';
            return position - offset;
        }

    }
}
