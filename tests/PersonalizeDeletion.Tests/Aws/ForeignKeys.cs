namespace PersonalizeDeletion.Tests.Aws
{
    /// <summary>Shaped like ImmutableCredentials of some other AWSSDK.Core copy; not our type.</summary>
    public sealed class ForeignKeys
    {
        public ForeignKeys(string accessKey, string secretKey, string? token)
        {
            AccessKey = accessKey;
            SecretKey = secretKey;
            Token = token;
        }

        public string AccessKey { get; }

        public string SecretKey { get; }

        public string? Token { get; }
    }
}
