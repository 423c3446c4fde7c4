using System;

namespace PersonalizeDeletion.Assurance
{
    /// <summary>STS GetCallerIdentity failed: the message says why; the receipt then carries no caller.</summary>
    internal sealed class CallerIdentityException : Exception
    {
        public CallerIdentityException(string message, Exception innerException)
            : base(message, innerException)
        {
        }
    }
}
