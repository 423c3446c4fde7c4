using System;
using System.Text;
using PersonalizeDeletion.Staging;

namespace PersonalizeDeletion.Tests.Staging
{
    /// <summary>String conveniences for tests; the module itself hands these types UTF-8 bytes.</summary>
    internal static class StagingTestExtensions
    {
        public static void Add(this S3StagingUploader uploader, string userId) =>
            uploader.Add(Encoding.UTF8.GetBytes(userId), UserIdCsv.NeedsQuoting(userId));

        public static bool Add(this UserIdFingerprintSet set, string userId) => set.Add(Encoding.UTF8.GetBytes(userId));

        /// <summary>The CSV row (field and line feed) the module writes for the ID, written at an offset into a buffer of the promised bound.</summary>
        public static byte[] Row(string userId)
        {
            byte[] utf8 = Encoding.UTF8.GetBytes(userId);
            bool quote = UserIdCsv.NeedsQuoting(userId);
            var buffer = new byte[UserIdCsv.GetMaxRowByteCount(utf8.Length, quote) + 2];
            buffer[0] = 0xAA;
            int length = UserIdCsv.WriteRow(utf8, quote, buffer, 1);
            if (buffer[0] != 0xAA)
            {
                throw new InvalidOperationException("WriteRow wrote before the offset it was given.");
            }

            return buffer.AsSpan(1, length).ToArray();
        }

        /// <summary>The field as it appears in the file, without the line ending.</summary>
        public static string Field(string userId)
        {
            byte[] row = Row(userId);
            return Encoding.UTF8.GetString(row, 0, row.Length - 1);
        }
    }
}
