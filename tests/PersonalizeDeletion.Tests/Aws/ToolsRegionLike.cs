namespace PersonalizeDeletion.Tests.Aws
{
    /// <summary>Shaped like AWS.Tools' AWSRegion (Get-AWSRegion output).</summary>
    public sealed class ToolsRegionLike
    {
        public ToolsRegionLike(string region)
        {
            Region = region;
        }

        public string Region { get; }
    }
}
