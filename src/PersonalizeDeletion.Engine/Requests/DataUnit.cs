using PersonalizeDeletion.Staging;

namespace PersonalizeDeletion.Requests
{
    /// <summary>What one job reads: a staged CSV or a caller's data location.</summary>
    internal sealed class DataUnit
    {
        public DataUnit(string location, string identity, long? userCount, StagedObject? staged)
        {
            Location = location;
            Identity = identity;
            UserCount = userCount;
            Staged = staged;
        }

        public string Location { get; }

        /// <summary>What the default job name is derived from: the CSV's SHA-256, or the location and what it held.</summary>
        public string Identity { get; }

        public long? UserCount { get; }

        public StagedObject? Staged { get; }
    }
}
