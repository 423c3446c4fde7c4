namespace PersonalizeDeletion.Tests.Aws
{
    /// <summary>Shaped like a RegionEndpoint of another AWSSDK.Core copy.</summary>
    public sealed class RegionEndpointLike
    {
        public RegionEndpointLike(string systemName)
        {
            SystemName = systemName;
        }

        public string SystemName { get; }
    }
}
