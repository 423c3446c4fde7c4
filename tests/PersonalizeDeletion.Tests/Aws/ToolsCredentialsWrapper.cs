namespace PersonalizeDeletion.Tests.Aws
{
    /// <summary>
    /// Shaped like AWS.Tools' AWSPSCredentials, the value Set-AWSCredential stores in
    /// $StoredAWSCredentials: its Credentials and Name members are internal.
    /// </summary>
    public sealed class ToolsCredentialsWrapper
    {
        public ToolsCredentialsWrapper(object credentials, string name)
        {
            Credentials = credentials;
            Name = name;
        }

        internal object Credentials { get; }

        internal string Name { get; }

        public override string ToString() => Name;
    }
}
