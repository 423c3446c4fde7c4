using System;
using System.Collections.Generic;

namespace PersonalizeDeletion.Tests.Personalize
{
    /// <summary>Sets environment variables for one test and restores the previous values on dispose.</summary>
    internal sealed class EnvironmentVariableScope : IDisposable
    {
        private readonly Dictionary<string, string?> _previous = new Dictionary<string, string?>();

        public EnvironmentVariableScope Set(string name, string? value)
        {
            if (!_previous.ContainsKey(name))
            {
                _previous[name] = Environment.GetEnvironmentVariable(name);
            }

            Environment.SetEnvironmentVariable(name, value);
            return this;
        }

        public void Dispose()
        {
            foreach (var (name, value) in _previous)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }
    }
}
