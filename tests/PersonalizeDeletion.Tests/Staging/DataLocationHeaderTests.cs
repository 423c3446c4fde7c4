using System;
using System.Text;
using PersonalizeDeletion.Staging;
using Xunit;

namespace PersonalizeDeletion.Tests.Staging
{
    /// <summary>The first line a data deletion job reads: exactly USER_ID, judged from an object's first bytes.</summary>
    public class DataLocationHeaderTests
    {
        [Theory]
        [InlineData("USER_ID\nu-1\n")]
        [InlineData("USER_ID\r\nu-1\r\n")]
        [InlineData("USER_ID")]
        [InlineData("\uFEFFUSER_ID\nu-1\n")]
        [InlineData("USER_ID\nu-1,with a comma\n")]
        public void AcceptsTheHeaderTheServiceReads(string csv)
        {
            Assert.Null(Check(csv));
        }

        [Theory]
        [InlineData("user_id\nu-1\n", "its header reads 'user_id'")]
        [InlineData("\"USER_ID\"\nu-1\n", "Export-Csv quotes it")]
        [InlineData("USER_ID \nu-1\n", "no spaces")]
        [InlineData("USER_ID,EMAIL\nu-1,a@example.com\n", "its header has 2 columns")]
        [InlineData("EMAIL,\"user_id\",NAME\n", "its header has 3 columns")]
        [InlineData("u-1\nu-2\n", "its first line is not the header USER_ID")]
        [InlineData("USERID\nu-1\n", "its first line is not the header USER_ID")]
        [InlineData("", "it is empty")]
        public void RefusesAnyOtherFirstLine(string csv, string reason)
        {
            Assert.Contains(reason, Check(csv), StringComparison.Ordinal);
        }

        [Fact]
        public void NeverQuotesAFirstLineThatIsNotAHeaderVariant()
        {
            string? reason = Check("secret-person@example.com\nu-2\n");
            Assert.DoesNotContain("secret", reason, StringComparison.Ordinal);
        }

        [Fact]
        public void AFirstLineLongerThanWhatIsReadIsNotTheHeader()
        {
            byte[] start = Encoding.ASCII.GetBytes(new string('x', DataLocationHeader.BytesRead));
            Assert.Contains("not the header", DataLocationHeader.Problem(start, 10_000), StringComparison.Ordinal);
        }

        [Fact]
        public void RefusesUtf16()
        {
            byte[] utf16 = Encoding.Unicode.GetPreamble();
            Array.Resize(ref utf16, utf16.Length + 14);
            Encoding.Unicode.GetBytes("USER_ID", 0, 7, utf16, 2);
            Assert.Contains("UTF-16", DataLocationHeader.Problem(utf16, utf16.Length), StringComparison.Ordinal);
        }

        private static string? Check(string csv)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(csv);
            return DataLocationHeader.Problem(bytes.AsSpan(0, Math.Min(bytes.Length, DataLocationHeader.BytesRead)), bytes.Length);
        }
    }
}
