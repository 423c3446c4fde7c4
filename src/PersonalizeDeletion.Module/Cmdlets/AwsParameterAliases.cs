namespace PersonalizeDeletion.Cmdlets
{
    /// <summary>
    /// The aliases AWS.Tools for PowerShell gives its credential and region parameters, named once for every
    /// cmdlet's [Alias] attributes. New-PDataDeletionJob reads piped objects by the same names (PipelineInput takes
    /// them from the command's parameter metadata).
    /// </summary>
    internal static class AwsParameterAliases
    {
        public const string RegionToCall = "RegionToCall";
        public const string StoredCredentials = "StoredCredentials";
        public const string AWSProfileName = "AWSProfileName";
        public const string AWSProfilesLocation = "AWSProfilesLocation";
        public const string ProfilesLocation = "ProfilesLocation";
        public const string AK = "AK";
        public const string SK = "SK";
        public const string SecretAccessKey = "SecretAccessKey";
        public const string ST = "ST";
    }
}
