using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using PersonalizeDeletion.Staging;
using Xunit;

namespace PersonalizeDeletion.Tests.Jobs
{
    public class UserIdIntakeTests
    {
        private static readonly string?[] Mixed =
        {
            "user-1",
            "user-2",
            "user-1",
            null,
            "",
            "   ",
            "bad\nid",
            "half\ud800",
            new string('x', 257),
            "User-1",
            "user-2",
            "user-3",
            "user-1",
        };

        [Fact]
        public void EveryIdIsAccountedForAndOnlyAcceptedIdsReachTheSink()
        {
            var sink = new List<string>();
            var intake = new UserIdIntake(Collect(sink));
            var results = new List<IntakeResult>();

            foreach (string? id in Mixed)
            {
                results.Add(intake.Offer(id, out _));
                Assert.Equal(results.Count, intake.Received);
                Assert.Equal(intake.Accepted, sink.Count);
            }

            Assert.Equal(4, intake.Accepted);
            Assert.Equal(3, intake.Duplicates);
            Assert.Equal(6, intake.Rejected);
            Assert.Equal(Mixed.Length, intake.Received);
            Assert.Equal(new[] { "user-1", "user-2", "User-1", "user-3" }, sink);
            Assert.Equal(
                new[]
                {
                    IntakeResult.Accepted, IntakeResult.Accepted, IntakeResult.Duplicate, IntakeResult.Rejected,
                    IntakeResult.Rejected, IntakeResult.Rejected, IntakeResult.Rejected, IntakeResult.Rejected,
                    IntakeResult.Rejected, IntakeResult.Accepted, IntakeResult.Duplicate, IntakeResult.Accepted,
                    IntakeResult.Duplicate,
                },
                results);
        }

        [Theory]
        [InlineData(null, "Empty")]
        [InlineData("", "Empty")]
        [InlineData(" ", "WhitespaceOnly")]
        [InlineData("a\tb", "ControlCharacter")]
        public void RejectionsSayWhy(string? id, string expectedProblem)
        {
            var expected = (UserIdProblem)Enum.Parse(typeof(UserIdProblem), expectedProblem);
            var sink = new List<string>();
            var intake = new UserIdIntake(Collect(sink));

            Assert.Equal(IntakeResult.Rejected, intake.Offer(id, out UserIdProblem problem));
            Assert.Equal(expected, problem);
            Assert.Empty(sink);
            Assert.Equal(1, intake.Rejected);
        }

        [Fact]
        public void HalfACharacterIsRejected()
        {
            // Built in code: a lone surrogate does not survive theory data serialisation.
            var sink = new List<string>();
            var intake = new UserIdIntake(Collect(sink));

            Assert.Equal(IntakeResult.Rejected, intake.Offer("a" + '\udc00', out UserIdProblem problem));
            Assert.Equal(UserIdProblem.InvalidCharacter, problem);
            Assert.Empty(sink);
        }

        [Fact]
        public void TooLongIdsAreRejected()
        {
            var intake = new UserIdIntake(null);

            Assert.Equal(IntakeResult.Rejected, intake.Offer(new string('x', 257), out UserIdProblem problem));
            Assert.Equal(UserIdProblem.TooLong, problem);
            Assert.Equal(IntakeResult.Accepted, intake.Offer(new string('x', 256), out problem));
            Assert.Equal(UserIdProblem.None, problem);
        }

        [Fact]
        public void AcceptedAndDuplicateIdsReportNoProblem()
        {
            var intake = new UserIdIntake(null);

            intake.Offer("u", out UserIdProblem first);
            Assert.Equal(IntakeResult.Duplicate, intake.Offer("u", out UserIdProblem second));
            Assert.Equal(UserIdProblem.None, first);
            Assert.Equal(UserIdProblem.None, second);
        }

        [Fact]
        public void ARejectedIdDoesNotMakeItsValidTwinADuplicate()
        {
            var sink = new List<string>();
            var intake = new UserIdIntake(Collect(sink));

            intake.Offer("user\u0001", out _);
            Assert.Equal(IntakeResult.Accepted, intake.Offer("user", out _));
            Assert.Equal(new[] { "user" }, sink);
        }

        [Fact]
        public void CountOnlyModeCountsTheSame()
        {
            var counting = new UserIdIntake(null);
            var sink = new List<string>();
            var staging = new UserIdIntake(Collect(sink));

            foreach (string? id in Mixed)
            {
                Assert.Equal(staging.Offer(id, out _), counting.Offer(id, out _));
            }

            Assert.Equal(staging.Accepted, counting.Accepted);
            Assert.Equal(staging.Duplicates, counting.Duplicates);
            Assert.Equal(staging.Rejected, counting.Rejected);
            Assert.Equal(Mixed.Length, counting.Received);
            Assert.Equal(4, counting.Accepted);
        }

        [Fact]
        public void IdsAreComparedExactly()
        {
            var sink = new List<string>();
            var intake = new UserIdIntake(Collect(sink));

            foreach (string id in new[] { "a", "A", "a ", " a", "\u00e9", "e\u0301" })
            {
                Assert.Equal(IntakeResult.Accepted, intake.Offer(id, out _));
            }

            Assert.Equal(6, sink.Count);
            Assert.Equal(0, intake.Duplicates);
        }

        [Fact]
        public void FileBatchesGetTheSameVerdictsAsStrings()
        {
            // Every rule, on the ASCII fast path and on the decoded path; quoting decided for both.
            string[] ids =
            {
                "user-1", "user-2", "user-1", "", "   ", " \t ", "a\tb", "bad\u007fid", "bad\u0085id", "x\u2028y",
                new string('x', 256), new string('x', 257), new string('\u00e9', 256), new string('\u00e9', 257),
                "\U0001F600", "a,b", "say \"hi\"", " lead", "trail ", "\u00a0nbsp", "é", "e\u0301", "user-2",
            };
            var strings = new List<string>();
            var byString = new UserIdIntake(Collect(strings));
            var rows = new List<string>();
            var byBatch = new UserIdIntake((utf8, quote) => rows.Add((quote ? "Q:" : string.Empty) + Encoding.UTF8.GetString(utf8)));
            var batch = new UserIdBatch();
            for (int i = 0; i < ids.Length; i++)
            {
                Assert.True(batch.TryAdd(Encoding.UTF8.GetBytes(ids[i]), i + 2));
            }

            byBatch.Offer(batch);
            for (int i = 0; i < ids.Length; i++)
            {
                IntakeResult expected = byString.Offer(ids[i], out UserIdProblem problem);
                Assert.Equal(expected, batch.Result(i));
                Assert.Equal(problem, batch.Problem(i));
                Assert.Equal(i + 2, batch.Line(i));
                Assert.Equal(ids[i], batch.Text(i));
            }

            Assert.Equal(strings, rows.Select(row => row.StartsWith("Q:", StringComparison.Ordinal) ? row.Substring(2) : row));
            Assert.Equal(strings.Select(UserIdCsv.NeedsQuoting), rows.Select(row => row.StartsWith("Q:", StringComparison.Ordinal)));
            Assert.Contains("Q:a,b", rows);
            Assert.Contains("Q: lead", rows);
            Assert.Contains("user-1", rows);
            Assert.Equal((byString.Accepted, byString.Duplicates, byString.Rejected), (byBatch.Accepted, byBatch.Duplicates, byBatch.Rejected));
            Assert.Equal(ids.Length, byBatch.Received);
        }

        [Fact]
        public void AnIdFromAStringAndTheSameIdFromAFileAreOne()
        {
            var sink = new List<string>();
            var intake = new UserIdIntake(Collect(sink));
            Assert.Equal(IntakeResult.Accepted, intake.Offer("\u00e9l\u00e8ve-1", out _));
            Assert.Equal(IntakeResult.Accepted, intake.Offer("user-1", out _));

            var batch = new UserIdBatch();
            batch.TryAdd(Encoding.UTF8.GetBytes("user-1"), 2);
            batch.TryAdd(Encoding.UTF8.GetBytes("\u00e9l\u00e8ve-1"), 3);
            batch.TryAdd(Encoding.UTF8.GetBytes("user-2"), 4);
            batch.TryAdd(Encoding.UTF8.GetBytes("user-2"), 5);
            intake.Offer(batch);

            Assert.Equal(new[] { IntakeResult.Duplicate, IntakeResult.Duplicate, IntakeResult.Accepted, IntakeResult.Duplicate }, Enumerable.Range(0, 4).Select(batch.Result));
            Assert.Equal(IntakeResult.Duplicate, intake.Offer("user-2", out _));
            Assert.Equal(new[] { "\u00e9l\u00e8ve-1", "user-1", "user-2" }, sink);
        }

        [Fact]
        public void ABatchTakesIdsUntilItIsFull()
        {
            var batch = new UserIdBatch();
            for (int i = 0; i < UserIdBatch.Capacity; i++)
            {
                Assert.True(batch.TryAdd(Encoding.UTF8.GetBytes("u" + i), i));
            }

            Assert.False(batch.TryAdd(Encoding.UTF8.GetBytes("one more"), 0));
            batch.Clear();
            Assert.Equal(0, batch.Count);

            // By bytes as well: a handful of very long (invalid) IDs fills it before the count does.
            var huge = new byte[60_000];
            Assert.True(batch.TryAdd(huge, 1));
            Assert.True(batch.TryAdd(huge, 2));
            Assert.False(batch.TryAdd(huge, 3));
            Assert.Equal(2, batch.Count);
        }

        private static UserIdSink Collect(List<string> sink) => (utf8, _) => sink.Add(Encoding.UTF8.GetString(utf8));
    }
}
