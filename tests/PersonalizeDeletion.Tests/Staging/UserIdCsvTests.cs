using System;
using System.IO;
using System.Text;
using PersonalizeDeletion.Staging;
using Xunit;

namespace PersonalizeDeletion.Tests.Staging
{
    public class UserIdCsvTests
    {
        [Theory]
        [InlineData("user-1", "user-1\n")]
        [InlineData("a,b", "\"a,b\"\n")]
        [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"\n")]
        [InlineData("\"", "\"\"\"\"\n")]
        [InlineData(" lead", "\" lead\"\n")]
        [InlineData("trail ", "\"trail \"\n")]
        [InlineData("\u00A0nbsp", "\"\u00A0nbsp\"\n")]
        [InlineData("in side", "in side\n")]
        [InlineData("é中\U0001F600", "é中\U0001F600\n")]
        [InlineData("", "\"\"\n")]
        public void WritesRowsByteForByte(string id, string expected)
        {
            Assert.Equal(Encoding.UTF8.GetBytes(expected), WriteRow(id));
        }

        [Fact]
        public void WritesNonAsciiAsUtf8WithoutBom()
        {
            Assert.Equal(new byte[] { 0xC3, 0xA9, 0xF0, 0x9F, 0x98, 0x80, 0x0A }, WriteRow("é\U0001F600"));
        }

        [Fact]
        public void Writes256CharactersUnquoted()
        {
            string id = new string('x', 256);
            Assert.Equal(Encoding.ASCII.GetBytes(id + "\n"), WriteRow(id));
        }

        [Fact]
        public void BoundsEveryRowBeforeWritingIt()
        {
            foreach (string id in new[] { new string('"', 256), new string('中', 256), string.Concat(System.Linq.Enumerable.Repeat("\U0001F600", 256)), " \"中,", "a", "\"" })
            {
                Assert.True(WriteRow(id).Length <= UserIdCsv.GetMaxRowByteCount(Encoding.UTF8.GetByteCount(id), UserIdCsv.NeedsQuoting(id)), id);
            }
        }

        [Fact]
        public void HeaderIsUnquotedWithLineFeed() =>
            Assert.Equal(Encoding.ASCII.GetBytes("USER_ID\n"), UserIdCsv.HeaderLine.ToArray());

        [Fact]
        public void WhatItWritesReadsBackUnchanged()
        {
            string[] ids = { "plain", "a,b", "say \"hi\"", " spaced ", "é中\U0001F600", "\"", ",", "x\"y,z " };
            string path = Path.GetTempFileName();
            try
            {
                using (var file = File.Create(path))
                {
                    file.Write(UserIdCsv.HeaderLine);
                    foreach (string id in ids)
                    {
                        file.Write(WriteRow(id));
                    }
                }

                using var reader = new UserIdCsvFileReader(path);
                foreach (string id in ids)
                {
                    Assert.True(reader.TryReadNextUtf8(out ReadOnlySpan<byte> bytes, out _));
                    string read = Encoding.UTF8.GetString(bytes);
                    Assert.Equal(id, read);
                }

                Assert.False(reader.TryReadNextUtf8(out _, out _));
            }
            finally
            {
                File.Delete(path);
            }
        }

        private static byte[] WriteRow(string id) => StagingTestExtensions.Row(id);
    }
}
