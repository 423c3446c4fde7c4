using System;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace PersonalizeDeletion.Staging
{
    /// <summary>
    /// Decides whether a user ID can go into the deletion list. IDs are otherwise taken exactly as given:
    /// no trimming and no case folding, because the service matches them byte for byte.
    /// </summary>
    /// <remarks>
    /// The service limits a user ID to 256 characters. A character here is a Unicode scalar value, so a
    /// surrogate pair (an emoji, for example) counts once even though it is two UTF-16 code units.
    /// When an ID has several problems the first in this order is reported: empty, white space only,
    /// control character, invalid character, too long.
    /// </remarks>
    internal static class UserIdValidator
    {
        public const int MaxLength = 256;

        [MethodImpl(HotPath.Optimize)]
        public static UserIdProblem Check(string? userId)
        {
            if (string.IsNullOrEmpty(userId))
            {
                return UserIdProblem.Empty;
            }

            bool whitespaceOnly = true;
            bool hasControl = false;
            bool hasInvalid = false;
            int length = 0;
            string id = userId!;
            for (int i = 0; i < id.Length; i++)
            {
                char c = id[i];
                length++;
                if (c < 0x80)
                {
                    // ASCII is nearly every ID; deciding it inline keeps a million-ID pipeline cheap.
                    if (c < 0x20 || c == 0x7F)
                    {
                        hasControl = true;
                        whitespaceOnly &= char.IsWhiteSpace(c);
                    }
                    else
                    {
                        whitespaceOnly &= c == ' ';
                    }
                }
                else if (char.IsHighSurrogate(c) && i + 1 < id.Length && char.IsLowSurrogate(id[i + 1]))
                {
                    whitespaceOnly = false;
                    i++;
                }
                else if (char.IsSurrogate(c))
                {
                    whitespaceOnly = false;
                    hasInvalid = true;
                }
                else
                {
                    whitespaceOnly &= char.IsWhiteSpace(c);
                    hasControl |= IsForbiddenNonAscii(c);
                }
            }

            if (whitespaceOnly)
            {
                return UserIdProblem.WhitespaceOnly;
            }

            if (hasControl)
            {
                return UserIdProblem.ControlCharacter;
            }

            if (hasInvalid)
            {
                return UserIdProblem.InvalidCharacter;
            }

            return length > MaxLength ? UserIdProblem.TooLong : UserIdProblem.None;
        }

        /// <summary>
        /// <see cref="Check"/> on an ID's UTF-8 bytes when they are all printable ASCII (0x20 to 0x7E), which
        /// decides it without making a string; false for anything else, which the caller decodes and checks.
        /// Also tells whether the ID's CSV field must be quoted (<see cref="UserIdCsv.NeedsQuoting"/>).
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        public static bool TryCheckAscii(ReadOnlySpan<byte> utf8UserId, out UserIdProblem problem, out bool needsQuoting)
        {
            problem = UserIdProblem.None;
            needsQuoting = false;
            if (utf8UserId.Length == 0)
            {
                return false;
            }

            bool spacesOnly = true;
            bool special = false;
            foreach (byte b in utf8UserId)
            {
                if (b < 0x20 || b >= 0x7F)
                {
                    return false;
                }

                spacesOnly &= b == (byte)' ';
                special |= b == (byte)',' || b == (byte)'"';
            }

            if (spacesOnly)
            {
                problem = UserIdProblem.WhitespaceOnly;
            }
            else if (utf8UserId.Length > MaxLength)
            {
                problem = UserIdProblem.TooLong;
            }

            needsQuoting = special || utf8UserId[0] == (byte)' ' || utf8UserId[utf8UserId.Length - 1] == (byte)' ';
            return true;
        }

        /// <summary>
        /// Explains a problem without repeating the ID: IDs are personal data and only appear in output
        /// when the user asks for it (-Debug).
        /// </summary>
        public static string Describe(UserIdProblem problem, string userId)
        {
            switch (problem)
            {
                case UserIdProblem.None:
                    return "The user ID is valid.";
                case UserIdProblem.Empty:
                    return "The user ID is empty.";
                case UserIdProblem.WhitespaceOnly:
                    return "The user ID consists only of white space.";
                case UserIdProblem.TooLong:
                    return string.Format(
                        CultureInfo.InvariantCulture,
                        "The user ID is {0} characters long; the service accepts at most {1}.",
                        CountCharacters(userId),
                        MaxLength);
                case UserIdProblem.ControlCharacter:
                    return DescribeCharacter(userId, problem, "contains the control character {0} at position {1}; user IDs cannot contain control characters or line breaks.");
                case UserIdProblem.InvalidCharacter:
                    return DescribeCharacter(userId, problem, "contains an incomplete character ({0}, an unpaired surrogate) at position {1}, which cannot be written as UTF-8.");
                default:
                    return "The user ID is not valid.";
            }
        }

        /// <summary>Length in Unicode scalar values, counting an unpaired surrogate as one character.</summary>
        internal static int CountCharacters(string userId)
        {
            int count = 0;
            for (int i = 0; i < userId.Length; i++)
            {
                if (char.IsHighSurrogate(userId[i]) && i + 1 < userId.Length && char.IsLowSurrogate(userId[i + 1]))
                {
                    i++;
                }

                count++;
            }

            return count;
        }

        private static string DescribeCharacter(string userId, UserIdProblem problem, string format)
        {
            int position = 0;
            for (int i = 0; i < userId.Length; i++)
            {
                char c = userId[i];
                position++;
                bool paired = char.IsHighSurrogate(c) && i + 1 < userId.Length && char.IsLowSurrogate(userId[i + 1]);
                bool offending = problem == UserIdProblem.ControlCharacter
                    ? !char.IsSurrogate(c) && (c < 0x20 || c == 0x7F || IsForbiddenNonAscii(c))
                    : char.IsSurrogate(c) && !paired;
                if (offending)
                {
                    string codePoint = "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);
                    return "The user ID " + string.Format(CultureInfo.InvariantCulture, format, codePoint, position);
                }

                if (paired)
                {
                    i++;
                }
            }

            return "The user ID is not valid.";
        }

        // C1 controls (category Cc above ASCII) and the Unicode line and paragraph separators, which
        // some CSV readers treat as line breaks.
        private static bool IsForbiddenNonAscii(char c) =>
            c == '\u2028' || c == '\u2029' || char.GetUnicodeCategory(c) == UnicodeCategory.Control;
    }
}
