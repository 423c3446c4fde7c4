using System;
using PersonalizeDeletion.Jobs;
using Xunit;

namespace PersonalizeDeletion.Tests.Jobs
{
    public class PollScheduleTests
    {
        private sealed class FixedRandom : Random
        {
            private readonly double _value;

            public FixedRandom(double value) => _value = value;

            public override double NextDouble() => _value;

            protected override double Sample() => _value;
        }

        [Fact]
        public void StartsAtTheChosenInterval()
        {
            var schedule = new PollSchedule(TimeSpan.FromSeconds(30), new Random(1));

            Assert.Equal(TimeSpan.FromSeconds(30), schedule.Current);
        }

        [Theory]
        [InlineData(0)]
        [InlineData(-1)]
        public void RejectsNonPositiveIntervals(int seconds)
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new PollSchedule(TimeSpan.FromSeconds(seconds)));
        }

        [Fact]
        public void JitterStaysWithinTenPercentAndActuallyVaries()
        {
            var schedule = new PollSchedule(TimeSpan.FromSeconds(30), new Random(12345));
            double low = double.MaxValue;
            double high = double.MinValue;

            for (int i = 0; i < 10_000; i++)
            {
                double seconds = schedule.NextDelay().TotalSeconds;
                Assert.InRange(seconds, 27.0 - 1e-9, 33.0 + 1e-9);
                low = Math.Min(low, seconds);
                high = Math.Max(high, seconds);
            }

            Assert.True(low < 27.5, $"lowest delay {low}");
            Assert.True(high > 32.5, $"highest delay {high}");
            Assert.Equal(TimeSpan.FromSeconds(30), schedule.Current);
        }

        [Fact]
        public void SameSeedGivesTheSameDelays()
        {
            var first = new PollSchedule(TimeSpan.FromSeconds(30), new Random(7));
            var second = new PollSchedule(TimeSpan.FromSeconds(30), new Random(7));

            for (int i = 0; i < 20; i++)
            {
                Assert.Equal(first.NextDelay(), second.NextDelay());
            }
        }

        [Theory]
        [InlineData(0.0, 27.0)]
        [InlineData(0.5, 30.0)]
        [InlineData(0.999999, 33.0)]
        public void JitterExtremesAreTenPercent(double sample, double expectedSeconds)
        {
            var schedule = new PollSchedule(TimeSpan.FromSeconds(30), new FixedRandom(sample));

            Assert.Equal(expectedSeconds, schedule.NextDelay().TotalSeconds, 3);
        }

        [Fact]
        public void JitterAppliesToTheBackedOffInterval()
        {
            var schedule = new PollSchedule(TimeSpan.FromSeconds(30), new FixedRandom(0.0));
            schedule.Throttled();

            Assert.Equal(54.0, schedule.NextDelay().TotalSeconds, 3);
        }

        [Fact]
        public void ThrottlingDoublesUpToFiveMinutes()
        {
            var schedule = new PollSchedule(TimeSpan.FromSeconds(30), new Random(1));

            schedule.Throttled();
            Assert.Equal(TimeSpan.FromSeconds(60), schedule.Current);
            schedule.Throttled();
            Assert.Equal(TimeSpan.FromSeconds(120), schedule.Current);
            schedule.Throttled();
            Assert.Equal(TimeSpan.FromSeconds(240), schedule.Current);
            schedule.Throttled();
            Assert.Equal(TimeSpan.FromMinutes(5), schedule.Current);
            schedule.Throttled();
            Assert.Equal(TimeSpan.FromMinutes(5), schedule.Current);
        }

        [Fact]
        public void ThrottlingNeverGoesBelowALongerChosenInterval()
        {
            var schedule = new PollSchedule(TimeSpan.FromMinutes(10), new Random(1));

            schedule.Throttled();
            Assert.Equal(TimeSpan.FromMinutes(10), schedule.Current);
            schedule.Succeeded();
            Assert.Equal(TimeSpan.FromMinutes(10), schedule.Current);
        }

        [Fact]
        public void ThrottlingStopsAtFiveMinutesEvenWhenDoublingOvershoots()
        {
            var schedule = new PollSchedule(TimeSpan.FromMinutes(3), new Random(1));

            schedule.Throttled();
            Assert.Equal(TimeSpan.FromMinutes(5), schedule.Current);
        }

        [Fact]
        public void SuccessHalvesBackToTheChosenInterval()
        {
            var schedule = new PollSchedule(TimeSpan.FromSeconds(30), new Random(1));
            for (int i = 0; i < 6; i++)
            {
                schedule.Throttled();
            }

            Assert.Equal(TimeSpan.FromMinutes(5), schedule.Current);
            schedule.Succeeded();
            Assert.Equal(TimeSpan.FromSeconds(150), schedule.Current);
            schedule.Succeeded();
            Assert.Equal(TimeSpan.FromSeconds(75), schedule.Current);
            schedule.Succeeded();
            Assert.Equal(TimeSpan.FromSeconds(37.5), schedule.Current);
            schedule.Succeeded();
            Assert.Equal(TimeSpan.FromSeconds(30), schedule.Current);
            schedule.Succeeded();
            Assert.Equal(TimeSpan.FromSeconds(30), schedule.Current);
        }

        [Fact]
        public void SuccessWithoutThrottlingKeepsTheChosenInterval()
        {
            var schedule = new PollSchedule(TimeSpan.FromSeconds(1), new Random(1));

            schedule.Succeeded();

            Assert.Equal(TimeSpan.FromSeconds(1), schedule.Current);
        }
    }
}
