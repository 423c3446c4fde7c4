using System;
using System.Collections.Generic;

namespace PersonalizeDeletion.Aws
{
    /// <summary>
    /// The raw AWS common parameters of one cmdlet call plus the shell's stored defaults, exactly
    /// as the user gave them. <see cref="AwsSessionResolver"/> turns it into an <see cref="AwsSession"/>.
    /// </summary>
    internal sealed class AwsConnectionRequest
    {
        public string? Region { get; set; }

        public string? ProfileName { get; set; }

        public string? ProfileLocation { get; set; }

        public string? AccessKey { get; set; }

        public string? SecretKey { get; set; }

        public string? SessionToken { get; set; }

        public string? EndpointUrl { get; set; }

        /// <summary>-Credential: an AWSCredentials (of any AWSSDK.Core copy) or a wrapper holding one.</summary>
        public object? Credential { get; set; }

        /// <summary>The value of <c>$StoredAWSCredentials</c>, unwrapped from PSObject; also a profile name.</summary>
        public object? StoredCredentials { get; set; }

        /// <summary>The value of <c>$StoredAWSRegion</c>: a region name or an object with SystemName/Region.</summary>
        public object? StoredRegion { get; set; }

        /// <summary>
        /// The parameters above whose values came from a property of a piped object rather than the command line
        /// (a job object's Region, for one), so -Verbose and errors name the real source.
        /// </summary>
        public ISet<string> FromPipeline { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Where a parameter's value came from: "-Region parameter" or "Region property of the piped object".</summary>
        public string Origin(string parameter) =>
            FromPipeline.Contains(parameter) ? parameter + " property of the piped object" : "-" + parameter + " parameter";
    }
}
