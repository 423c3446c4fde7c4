using System;

namespace PersonalizeDeletion.Aws
{
    /// <summary>The real process environment.</summary>
    internal sealed class ProcessAwsEnvironment : IAwsEnvironment
    {
        public static ProcessAwsEnvironment Instance { get; } = new ProcessAwsEnvironment();

        private ProcessAwsEnvironment()
        {
        }

        public string? GetVariable(string name)
        {
            var value = Environment.GetEnvironmentVariable(name);
            // An exported-but-empty variable means "not set" to every AWS SDK; match them.
            return string.IsNullOrEmpty(value) ? null : value;
        }
    }
}
