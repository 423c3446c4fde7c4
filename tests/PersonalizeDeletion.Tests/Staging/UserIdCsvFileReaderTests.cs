using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using PersonalizeDeletion.Staging;
using Xunit;

namespace PersonalizeDeletion.Tests.Staging
{
    public sealed class UserIdCsvFileReaderTests : IDisposable
    {
        private readonly string _directory = Directory.CreateTempSubdirectory("staging-reader-").FullName;

        public void Dispose() => Directory.Delete(_directory, recursive: true);

        [Fact]
        public void ReadsExportCsvOutputWithBomCrlfAndQuotedHeader()
        {
            string path = Write("\uFEFF\"USER_ID\"\r\n\"u1\"\r\n\"a,b\"\r\n\"say \"\"hi\"\"\"\r\n");
            Assert.Equal(new[] { ("u1", 2L), ("a,b", 3L), ("say \"hi\"", 4L) }, ReadAll(path));
        }

        [Fact]
        public void ReadsLfFilesWithOrWithoutAFinalLineBreak()
        {
            Assert.Equal(new[] { ("u1", 2L), ("u2", 3L) }, ReadAll(Write("USER_ID\nu1\nu2")));
            Assert.Equal(new[] { ("u1", 2L), ("u2", 3L) }, ReadAll(Write("USER_ID\nu1\nu2\n")));
        }

        [Fact]
        public void SkipsBlankLinesButKeepsLineNumbers()
        {
            Assert.Equal(new[] { ("u1", 2L), ("u2", 4L) }, ReadAll(Write("USER_ID\r\nu1\r\n\r\nu2\r\n\r\n")));
        }

        [Fact]
        public void KeepsIdsExactlyAsWritten()
        {
            Assert.Equal(
                new[] { (" spaced ", 2L), ("é中\U0001F600", 3L), ("", 4L) },
                ReadAll(Write("USER_ID\n\" spaced \"\né中\U0001F600\n\"\"\n")));
        }

        [Fact]
        public void CountsLineBreaksInsideQuotes()
        {
            Assert.Equal(new[] { ("a\nb", 2L), ("c", 4L) }, ReadAll(Write("USER_ID\n\"a\nb\"\nc\n")));
        }

        [Fact]
        public void ReadsTheUserIdColumnOfAMultiColumnExport()
        {
            string content = "\uFEFFEMAIL,USER_ID,NAME\r\n"
                + "a@example.com,u1,Ann\r\n"
                + "\"b,c@example.com\",\"u,2\",\"Bo \"\"B\"\"\"\r\n"
                + "\r\n"
                + "d@example.com,\"say \"\"hi\"\"\",\r\n"
                + "e@example.com,u5,Eve";
            Assert.Equal(new[] { ("u1", 2L), ("u,2", 3L), ("say \"hi\"", 5L), ("u5", 6L) }, ReadAll(Write(content)));
        }

        [Fact]
        public void CountsLineBreaksInsideOtherColumns()
        {
            Assert.Equal(new[] { ("u1", 2L), ("u2", 4L) }, ReadAll(Write("USER_ID,NOTE\nu1,\"two\nlines\"\nu2,x\n")));
        }

        [Fact]
        public void ARowThatEndsBeforeItsUserIdFieldGivesAnEmptyIdForValidationToReport()
        {
            Assert.Equal(new[] { ("", 2L), ("u2", 3L), ("", 4L) }, ReadAll(Write("NAME,USER_ID\nann\nbob,u2\ncy,\n")));
        }

        [Fact]
        public void ReadsAMultiColumnFileAcrossManyBuffers()
        {
            // Other columns with commas, quotes and line breaks, long enough that records straddle the 64 KiB reads.
            var random = new Random(7);
            var expected = new List<(string, long)>();
            var text = new StringBuilder("\"ORDER\",\"USER_ID\",\"NOTE\"\n");
            long line = 2;
            for (int i = 0; i < 20_000; i++)
            {
                string note = new string('n', random.Next(0, 40)) + (random.Next(4) == 0 ? ",\"q\"\nz" : string.Empty);
                string id = "user-" + i + (random.Next(10) == 0 ? ",x" : string.Empty);
                text.Append(i).Append(',').Append('"').Append(id.Replace("\"", "\"\"")).Append("\",\"").Append(note.Replace("\"", "\"\"")).Append("\"\n");
                expected.Add((id, line));
                line += 1 + note.Count(c => c == '\n');
            }

            Assert.Equal(expected, ReadAll(Write(text.ToString())));
        }

        [Theory]
        [InlineData("user_id\nu1\nu2\n")]
        [InlineData("NAME,User_Id\nann,u1\nbo,u2\n")]
        [InlineData("\"User_ID\"\r\nu1\r\nu2\r\n")]
        public void TakesTheUserIdColumnInAnyCaseAsImportCsvDoes(string content)
        {
            Assert.Equal(new[] { ("u1", 2L), ("u2", 3L) }, ReadAll(Write(content)));
        }

        [Theory]
        [InlineData("ID\nu1\n", "must be the header USER_ID")]
        [InlineData("userid\nu1\n", "must be the header USER_ID")]
        [InlineData("NAME,EMAIL\nann,a@example.com\n", "a header with a USER_ID column")]
        [InlineData("USER_ID,NAME,USER_ID\nu1,ann,u1\n", "more than once")]
        [InlineData("USER_ID,NAME,user_id\nu1,ann,u1\n", "more than once")]
        public void RejectsAWrongHeader(string content, string reason)
        {
            UserIdFileException ex = Assert.Throws<UserIdFileException>(() => new UserIdCsvFileReader(Write(content)));
            Assert.Equal("InvalidUserIdFileHeader", ex.ErrorId);
            Assert.Equal(1, ex.LineNumber);
            Assert.Contains(reason, ex.Message);
        }

        [Fact]
        public void DoesNotQuoteAMissingHeaderBack()
        {
            UserIdFileException ex = Assert.Throws<UserIdFileException>(() => new UserIdCsvFileReader(Write("secret-user-42\nu2\n")));
            Assert.DoesNotContain("secret-user-42", ex.Message);
        }

        [Fact]
        public void RejectsAnEmptyFile()
        {
            UserIdFileException ex = Assert.Throws<UserIdFileException>(() => new UserIdCsvFileReader(Write("")));
            Assert.Equal("InvalidUserIdFileHeader", ex.ErrorId);
        }

        [Theory]
        [InlineData("USER_ID\nu1\nu2,extra\n", 3, "more than one column")]
        [InlineData("USER_ID\nu1\n\"u2\",extra\n", 3, "more than one column")]
        [InlineData("USER_ID\nu1\nab\"c\n", 3, "double quote")]
        [InlineData("USER_ID\nu1\n\"abc\"d\n", 3, "closing double quote")]
        [InlineData("USER_ID\nu1\n\"abc\n", 3, "not closed")]
        [InlineData("USER_ID\nu1\ru2\n", 2, "carriage return")]
        [InlineData("USER_ID\nu1\r", 2, "carriage return")]
        [InlineData("USER_ID,NAME\nu1,ann\nu2,b\"o\n", 3, "double quote")]
        [InlineData("USER_ID,NAME\nu1,ann\nu2,\"bo\"b\n", 3, "closing double quote")]
        [InlineData("USER_ID,NAME\nu1,ann\nu2,\"bo\n", 3, "not closed")]
        [InlineData("USER_ID,NAME\nu1,ann\ru2,bo\n", 2, "carriage return")]
        public void RejectsMalformedLinesNamingTheLine(string content, long line, string reason)
        {
            string path = Write(content);
            using var reader = new UserIdCsvFileReader(path);
            UserIdFileException ex = Assert.Throws<UserIdFileException>(() =>
            {
                while (reader.TryReadNextUtf8(out _, out _))
                {
                }
            });
            Assert.Equal("InvalidUserIdFile", ex.ErrorId);
            Assert.Equal(line, ex.LineNumber);
            Assert.Equal(path, ex.Path);
            Assert.Contains(reason, ex.Message);
            Assert.Contains("Line " + line, ex.Message);
        }

        [Fact]
        public void RejectsInvalidUtf8NamingTheLine()
        {
            string path = Path.Combine(_directory, "latin1.csv");
            File.WriteAllBytes(path, Encoding.ASCII.GetBytes("USER_ID\nu1\n").Concat(new byte[] { 0x4A, 0xFC, 0x72, 0x67, 0x0A }).ToArray());
            using var reader = new UserIdCsvFileReader(path);
            Assert.True(reader.TryReadNextUtf8(out _, out _));
            UserIdFileException ex = Assert.Throws<UserIdFileException>(() => reader.TryReadNextUtf8(out _, out _));
            Assert.Equal("InvalidUserIdFile", ex.ErrorId);
            Assert.Equal(3, ex.LineNumber);
            Assert.Contains("UTF-8", ex.Message);
        }

        [Fact]
        public void RejectsUtf16Files()
        {
            string path = Path.Combine(_directory, "utf16.csv");
            File.WriteAllText(path, "USER_ID\r\nu1\r\n", Encoding.Unicode);
            UserIdFileException ex = Assert.Throws<UserIdFileException>(() => new UserIdCsvFileReader(path));
            Assert.Contains("UTF-16", ex.Message);
        }

        [Fact]
        public void ReportsAMissingFile()
        {
            string path = Path.Combine(_directory, "missing.csv");
            UserIdFileException ex = Assert.Throws<UserIdFileException>(() => new UserIdCsvFileReader(path));
            Assert.Equal("UserIdFileNotFound", ex.ErrorId);
            Assert.Equal(path, ex.Path);
            Assert.Null(ex.LineNumber);
        }

        [Fact]
        public void RejectsALineWithoutLineBreaksBeyondTheBound()
        {
            string path = Write("USER_ID\n" + new string('x', 200_000));
            using var reader = new UserIdCsvFileReader(path);
            UserIdFileException ex = Assert.Throws<UserIdFileException>(() => reader.TryReadNextUtf8(out _, out _));
            Assert.Equal(2, ex.LineNumber);
        }

        [Fact]
        public void StreamsLargeFilesAcrossBufferBoundaries()
        {
            // Varied lengths, quoting and multi-byte characters put every kind of record across the edges of
            // the read buffer somewhere in the file.
            var random = new Random(12345);
            string[] pieces = { "a", "é", "中", "\U0001F600", ",", "\"", " ", "x" };
            var ids = new List<string>();
            for (int i = 0; i < 150_000; i++)
            {
                var id = new StringBuilder("id" + i);
                int extra = random.Next(0, 12);
                for (int j = 0; j < extra; j++)
                {
                    id.Append(pieces[random.Next(pieces.Length)]);
                }

                ids.Add(id.ToString());
            }

            string path = Path.Combine(_directory, "large.csv");
            using (var file = File.Create(path))
            {
                file.Write(UserIdCsv.HeaderLine);
                var row = new byte[1024];
                foreach (string id in ids)
                {
                    byte[] written = StagingTestExtensions.Row(id);
                    written.CopyTo(row, 0);
                    int length = written.Length;
                    if (random.Next(2) == 0)
                    {
                        // CRLF on some rows: the reader must not care.
                        row[length - 1] = (byte)'\r';
                        row[length++] = (byte)'\n';
                    }

                    file.Write(row, 0, length);
                }
            }

            Assert.True(new FileInfo(path).Length > 3 * 128 * 1024);
            var read = ReadAll(path);
            Assert.Equal(ids, read.Select(r => r.Id));
            Assert.Equal(Enumerable.Range(2, ids.Count).Select(i => (long)i), read.Select(r => r.Line));
        }

        [Fact]
        public void EstimatesTheLinesLeftFromTheFileLength()
        {
            // 100,000 IDs of the same length: after 512 lines the estimate is close to what is left. (It is a guess
            // from the lines so far: shorter IDs first would make it high, longer ones low.)
            var content = new StringBuilder("USER_ID\n");
            for (int i = 0; i < 100_000; i++)
            {
                content.Append("user-").Append(i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
            }

            string path = Write(content.ToString());
            using var reader = new UserIdCsvFileReader(path);
            Assert.Equal(0, reader.EstimateRemainingLines());
            for (int i = 0; i < 512; i++)
            {
                Assert.True(reader.TryReadNextUtf8(out _, out _));
            }

            long estimate = reader.EstimateRemainingLines();
            Assert.InRange(estimate, (100_000 - 512) * 0.95, (100_000 - 512) * 1.05);

            while (reader.TryReadNextUtf8(out _, out _))
            {
            }

            Assert.Equal(0, reader.EstimateRemainingLines());
        }

        private string Write(string content)
        {
            string path = Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".csv");
            File.WriteAllBytes(path, new UTF8Encoding(false).GetBytes(content));
            return path;
        }

        private static List<(string Id, long Line)> ReadAll(string path)
        {
            var result = new List<(string, long)>();
            using var reader = new UserIdCsvFileReader(path);
            while (reader.TryReadNextUtf8(out ReadOnlySpan<byte> bytes, out long line))
            {
                result.Add((Encoding.UTF8.GetString(bytes), line));
            }

            return result;
        }
    }
}
