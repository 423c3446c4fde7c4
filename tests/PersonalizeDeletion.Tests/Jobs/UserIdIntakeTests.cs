using System;
using System.Collections.Generic;
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
            var intake = new UserIdIntake(sink.Add);
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
            var intake = new UserIdIntake(sink.Add);

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
            var intake = new UserIdIntake(sink.Add);

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
            var intake = new UserIdIntake(sink.Add);

            intake.Offer("user\u0001", out _);
            Assert.Equal(IntakeResult.Accepted, intake.Offer("user", out _));
            Assert.Equal(new[] { "user" }, sink);
        }

        [Fact]
        public void CountOnlyModeCountsTheSame()
        {
            var counting = new UserIdIntake(null);
            var sink = new List<string>();
            var staging = new UserIdIntake(sink.Add);

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
            var intake = new UserIdIntake(sink.Add);

            foreach (string id in new[] { "a", "A", "a ", " a", "\u00e9", "e\u0301" })
            {
                Assert.Equal(IntakeResult.Accepted, intake.Offer(id, out _));
            }

            Assert.Equal(6, sink.Count);
            Assert.Equal(0, intake.Duplicates);
        }
    }
}
