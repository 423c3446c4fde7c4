using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Xunit;

namespace PersonalizeDeletion.Tests
{
    /// <summary>ErrorIds are public API: one list, documented in the about_ topic, and the only ones the tests expect.</summary>
    public class ErrorIdsTests
    {
        private static readonly string[] Listed = typeof(ErrorIds)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral)
            .Select(field => (string)field.GetRawConstantValue()!)
            .ToArray();

        // PowerShell's own, for parameter validation.
        private static readonly string[] PowerShellErrorIds = { "ParameterArgumentValidationError" };

        [Fact]
        public void EachIdIsItsConstantsName()
        {
            foreach (FieldInfo field in typeof(ErrorIds).GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                Assert.Equal(field.Name, field.GetRawConstantValue());
            }
        }

        [Fact]
        public void TheAboutTopicListsExactlyTheErrorIds()
        {
            string about = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "en-US", "about_PersonalizeDeletion.md"));
            string troubleshooting = about.Substring(about.IndexOf("## TROUBLESHOOTING", StringComparison.Ordinal));
            troubleshooting = troubleshooting.Substring(0, troubleshooting.IndexOf("\n## ", 3, StringComparison.Ordinal));
            var documented = new List<string>();
            foreach (Match line in Regex.Matches(troubleshooting, @"^- ([A-Za-z0-9, ]+):", RegexOptions.Multiline))
            {
                documented.AddRange(line.Groups[1].Value.Split(',').Select(id => id.Trim()));
            }

            Assert.Equal(Listed.OrderBy(id => id, StringComparer.Ordinal), documented.OrderBy(id => id, StringComparer.Ordinal));
        }

        [Fact]
        public void EveryErrorIdThePesterTestsExpectIsListed()
        {
            var expected = new SortedSet<string>(StringComparer.Ordinal);
            foreach (string file in Directory.GetFiles(Path.Combine(RepositoryRoot(), "tests"), "*.Tests.ps1"))
            {
                string text = File.ReadAllText(file);
                foreach (Match id in Regex.Matches(text, @"(?<![\$\w])([A-Z][A-Za-z0-9]+),(?:\$[A-Za-z]+|PersonalizeDeletion\.Cmdlets\.[A-Za-z]+)|ErrorId = '([A-Za-z]+)'"))
                {
                    expected.Add(id.Groups[1].Success ? id.Groups[1].Value : id.Groups[2].Value);
                }
            }

            Assert.NotEmpty(expected);
            Assert.Empty(expected.Except(Listed).Except(PowerShellErrorIds));
        }

        private static string RepositoryRoot()
        {
            for (DirectoryInfo? folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "PersonalizeDeletion.psd1")))
                {
                    return folder.FullName;
                }
            }

            throw new InvalidOperationException("The tests run outside the repository.");
        }
    }
}
