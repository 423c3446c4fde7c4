using System;
using System.Collections.Generic;

namespace PersonalizeDeletion.Tests.Aws
{
    /// <summary>
    /// Sets process environment variables for one test (for the parts of AWSSDK.Core that read them directly:
    /// endpoint URLs, container credentials, AWS_CONFIG_FILE) and restores the previous values on dispose.
    /// </summary>
    internal sealed class ProcessEnvironmentScope : IDisposable
    {
        private readonly Dictionary<string, string?> _saved = new Dictionary<string, string?>(StringComparer.Ordinal);

        public ProcessEnvironmentScope Set(string name, string? value)
        {
            if (!_saved.ContainsKey(name))
            {
                _saved[name] = Environment.GetEnvironmentVariable(name);
            }

            Environment.SetEnvironmentVariable(name, value);
            return this;
        }

        public void Dispose()
        {
            foreach (var pair in _saved)
            {
                Environment.SetEnvironmentVariable(pair.Key, pair.Value);
            }
        }
    }
}
