using System;

namespace PersonalizeDeletion.Jobs
{
    /// <summary>
    /// When to poll next. Jitter keeps many waiting runbooks from polling in lock step; throttling doubles the
    /// interval (up to a ceiling) and quiet rounds bring it back, so a throttled account recovers without the
    /// user ever seeing an error.
    /// </summary>
    internal sealed class PollSchedule
    {
        internal static readonly TimeSpan MaxThrottledInterval = TimeSpan.FromMinutes(5);
        private const double Jitter = 0.1;

        private readonly TimeSpan _baseInterval;
        private readonly Random _random;

        public PollSchedule(TimeSpan interval, Random? random = null)
        {
            if (interval <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(interval), "The poll interval must be positive.");
            }

            _baseInterval = interval;
            Current = interval;
            _random = random ?? new Random();
        }

        /// <summary>The interval before jitter.</summary>
        public TimeSpan Current { get; private set; }

        /// <summary>The next delay: <see cref="Current"/> plus or minus 10%.</summary>
        public TimeSpan NextDelay()
        {
            double factor = 1 + (((_random.NextDouble() * 2) - 1) * Jitter);
            return TimeSpan.FromMilliseconds(Current.TotalMilliseconds * factor);
        }

        /// <summary>The service throttled a poll even after the SDK's retries: back off.</summary>
        public void Throttled()
        {
            TimeSpan ceiling = _baseInterval > MaxThrottledInterval ? _baseInterval : MaxThrottledInterval;
            double doubled = Current.TotalMilliseconds * 2;
            Current = TimeSpan.FromMilliseconds(Math.Min(doubled, ceiling.TotalMilliseconds));
        }

        /// <summary>A round went through: halve any back-off, never below the chosen interval.</summary>
        public void Succeeded()
        {
            double halved = Current.TotalMilliseconds / 2;
            Current = TimeSpan.FromMilliseconds(Math.Max(halved, _baseInterval.TotalMilliseconds));
        }
    }
}
