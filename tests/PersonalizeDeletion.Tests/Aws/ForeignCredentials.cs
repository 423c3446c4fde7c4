namespace PersonalizeDeletion.Tests.Aws
{
    /// <summary>
    /// Shaped like an AWSCredentials from another AWSSDK.Core copy (not derived from ours);
    /// <see cref="Current"/> changes to mimic a refreshing provider.
    /// </summary>
    public sealed class ForeignCredentials
    {
        public ForeignCredentials(ForeignKeys current)
        {
            Current = current;
        }

        public ForeignKeys Current { get; set; }

        public int Calls { get; private set; }

        public ForeignKeys GetCredentials()
        {
            Calls++;
            return Current;
        }
    }
}
