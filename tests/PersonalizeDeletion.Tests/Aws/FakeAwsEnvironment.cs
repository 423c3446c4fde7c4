using System;
using System.Collections.Generic;
using PersonalizeDeletion.Aws;

namespace PersonalizeDeletion.Tests.Aws
{
    /// <summary>An environment described in the test; instance metadata is off unless a test turns it on.</summary>
    internal sealed class FakeAwsEnvironment : IAwsEnvironment
    {
        private readonly Dictionary<string, string> _variables = new Dictionary<string, string>(StringComparer.Ordinal);

        public FakeAwsEnvironment(string home)
        {
            Set("HOME", home);
            Set("AWS_EC2_METADATA_DISABLED", "true");
        }

        public FakeAwsEnvironment Set(string name, string? value)
        {
            if (value == null)
            {
                _variables.Remove(name);
            }
            else
            {
                _variables[name] = value;
            }

            return this;
        }

        public string? GetVariable(string name) =>
            _variables.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
    }
}
