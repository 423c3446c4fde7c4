using System;

namespace PersonalizeDeletion.Aws
{
    /// <summary>
    /// The AWS connection settings cannot be turned into a session: a profile is missing, no
    /// credentials or region can be found, or a parameter value is malformed.
    /// </summary>
    /// <remarks>
    /// Public because it travels inside PowerShell ErrorRecords, where users catch and inspect it.
    /// It deliberately carries no AWSSDK types.
    /// </remarks>
    public sealed class AwsConfigurationException : Exception
    {
        internal AwsConfigurationException(string errorId, string message, object? target = null, Exception? innerException = null)
            : base(message, innerException)
        {
            ErrorId = errorId ?? throw new ArgumentNullException(nameof(errorId));
            Target = target;
        }

        /// <summary>One of the <see cref="ErrorIds"/>; used as the PowerShell ErrorId.</summary>
        public string ErrorId { get; }

        /// <summary>The offending value (a profile name, region, URL, object), never a secret.</summary>
        public object? Target { get; }
    }
}
