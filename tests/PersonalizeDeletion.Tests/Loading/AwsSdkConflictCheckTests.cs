using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Runtime.InteropServices;
using Amazon.Runtime;
using PersonalizeDeletion.Loading;
using PersonalizeDeletion.Staging;
using Xunit;

namespace PersonalizeDeletion.Tests.Loading
{
    /// <summary>
    /// The AwsSdkConflict decision: which loaded AWS SDK copies Windows PowerShell would make the engine run on,
    /// and which of those are too old. The copies are described as the guard reads them from a session.
    /// </summary>
    public class AwsSdkConflictCheckTests
    {
        private const string Framework = ".NET Framework 4.8.9232.0";
        private const string AwsToken = "885c28607f98e604";
        private static readonly string ModuleFolder = Path.Combine(Path.GetTempPath(), "Modules", "PersonalizeDeletion", "0.1.0");
        private static readonly string AwsToolsFolder = Path.Combine(Path.GetTempPath(), "Modules", "AWS.Tools.Common", "5.0.10");

        private static readonly AssemblyCopy OurCore = Copy("AWSSDK.Core", "4.0.0.0", "4.1.0.0", Path.Combine(ModuleFolder, "AWSSDK.Core.dll"));
        private static readonly AssemblyCopy OurS3 = Copy("AWSSDK.S3", "4.0.0.0", "4.1.0.0", Path.Combine(ModuleFolder, "AWSSDK.S3.dll"));
        private static readonly AssemblyCopy[] Ours = { OurCore, OurS3 };

        [Fact]
        public void An_older_AWSSDK_Core_of_the_same_assembly_version_from_another_module_is_a_conflict()
        {
            AssemblyCopy toolsCore = Copy("AWSSDK.Core", "4.0.0.0", "4.0.3.3", Path.Combine(AwsToolsFolder, "AWSSDK.Core.dll"));

            AwsSdkConflict? conflict = AwsSdkConflictCheck.Find(Framework, Ours, new[] { toolsCore });

            Assert.NotNull(conflict);
            Assert.Same(toolsCore, conflict!.Loaded);
            Assert.Same(OurCore, conflict.Shipped);
            Assert.Contains("AWSSDK.Core 4.0.3.3 is already loaded from '" + toolsCore.Location + "'", conflict.Message, StringComparison.Ordinal);
            Assert.Contains("needs AWSSDK.Core 4.1.0.0 or later", conflict.Message, StringComparison.Ordinal);
            Assert.Contains("PowerShell 7.4 or later", conflict.Message, StringComparison.Ordinal);
            Assert.Contains("new session", conflict.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void An_older_AWSSDK_S3_is_a_conflict_too_the_engine_is_compiled_against_it()
        {
            AssemblyCopy toolsS3 = Copy("AWSSDK.S3", "4.0.0.0", "4.0.6.2", Path.Combine(AwsToolsFolder, "AWSSDK.S3.dll"));

            AwsSdkConflict? conflict = AwsSdkConflictCheck.Find(Framework, Ours, new[] { OurCore, toolsS3 });

            Assert.Same(toolsS3, conflict?.Loaded);
            Assert.StartsWith("PersonalizeDeletion cannot run in this session: AWSSDK.S3 4.0.6.2", conflict!.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Never_a_conflict_on_dotnet_where_the_module_load_context_keeps_its_own_copies()
        {
            AssemblyCopy toolsCore = Copy("AWSSDK.Core", "4.0.0.0", "4.0.3.3", Path.Combine(AwsToolsFolder, "AWSSDK.Core.dll"));

            Assert.Null(AwsSdkConflictCheck.Find(".NET 8.0.11", Ours, new[] { toolsCore }));
            Assert.Null(AwsSdkConflictCheck.Find(RuntimeInformation.FrameworkDescription, Ours, new[] { toolsCore }));
            // Nor is anything read there: the session's assemblies and the module folder are left alone.
            Assert.Null(AwsSdkConflictCheck.Find(".NET 10.0.0", Unreadable(), Unreadable()));
        }

        [Fact]
        public void Another_assembly_version_loads_beside_ours_and_is_no_conflict()
        {
            // AWSPowerShell and AWS.Tools 4 bring the v3 SDK.
            AssemblyCopy v3Core = Copy("AWSSDK.Core", "3.3.0.0", "3.7.402.0", Path.Combine(AwsToolsFolder, "AWSSDK.Core.dll"));

            Assert.Null(AwsSdkConflictCheck.Find(Framework, Ours, new[] { v3Core }));
        }

        [Theory]
        [InlineData("4.1.0.0")]
        [InlineData("4.1.1.0")]
        [InlineData("4.2.0.3")]
        public void A_copy_at_least_as_new_as_ours_is_no_conflict(string fileVersion)
        {
            AssemblyCopy newer = Copy("AWSSDK.Core", "4.0.0.0", fileVersion, Path.Combine(AwsToolsFolder, "AWSSDK.Core.dll"));

            Assert.Null(AwsSdkConflictCheck.Find(Framework, Ours, new[] { newer }));
        }

        [Fact]
        public void Nothing_is_a_conflict_once_our_own_copy_is_in_use()
        {
            AssemblyCopy oursAsLoaded = Copy("AWSSDK.Core", "4.0.0.0", "4.1.0.0", OurCore.Location.ToUpperInvariant());
            AssemblyCopy toolsCore = Copy("AWSSDK.Core", "4.0.0.0", "4.0.3.3", Path.Combine(AwsToolsFolder, "AWSSDK.Core.dll"));

            Assert.Null(AwsSdkConflictCheck.Find(Framework, Ours, new[] { oursAsLoaded, toolsCore }));
        }

        [Fact]
        public void A_copy_signed_with_another_key_binds_apart_and_is_no_conflict()
        {
            AssemblyCopy resigned = new AssemblyCopy(
                new AssemblyName("AWSSDK.Core, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a"), new Version(4, 0, 1, 0), Path.Combine(AwsToolsFolder, "AWSSDK.Core.dll"));

            Assert.Null(AwsSdkConflictCheck.Find(Framework, Ours, new[] { resigned }));
        }

        [Fact]
        public void A_copy_without_a_file_version_or_a_file_is_a_conflict_and_says_so()
        {
            AssemblyCopy unknown = Copy("AWSSDK.Core", "4.0.0.0", null, string.Empty);

            AwsSdkConflict? conflict = AwsSdkConflictCheck.Find(Framework, Ours, new[] { unknown });

            Assert.Same(unknown, conflict?.Loaded);
            Assert.Contains("AWSSDK.Core of unknown file version is already loaded from memory (no file)", conflict!.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Guards_exactly_the_AWS_SDK_assemblies_the_engine_is_compiled_against()
        {
            string[] engineReferences = typeof(S3StagingUploader).Assembly.GetReferencedAssemblies()
                .Select(name => name.Name!)
                .Where(name => name.StartsWith("AWSSDK.", StringComparison.Ordinal))
                .OrderBy(name => name, StringComparer.Ordinal)
                .ToArray();

            Assert.Equal(engineReferences, AwsSdkConflictCheck.GuardedAssemblyNames.OrderBy(name => name, StringComparer.Ordinal));
        }

        [Fact]
        public void Reads_a_loaded_copy_from_its_metadata()
        {
            Assembly core = typeof(AWSCredentials).Assembly;

            AssemblyCopy copy = AssemblyCopy.Of(core);

            Assert.Equal(core.GetName().FullName, copy.Identity.FullName);
            Assert.Equal(System.Diagnostics.FileVersionInfo.GetVersionInfo(core.Location).FileVersion, copy.FileVersion?.ToString());
            Assert.Equal(core.Location, copy.Location);
        }

        [Fact]
        public void The_guard_reads_the_session_and_the_module_folder_and_names_the_offending_assembly_as_target()
        {
            // The session's AWSSDK.Core is the real 4.1 the tests load; the module folder ships a newer one of the
            // same identity, compiled here with AWS's public key.
            Assembly loaded = typeof(AWSCredentials).Assembly;
            using var module = new ModuleFolder();
            module.Compile("AWSSDK.Core", new Version(4, 0, 0, 0), "4.9.0.0", loaded.GetName().GetPublicKey());

            ErrorRecord? record = AwsSdkConflictGuard.Check(Framework, AppDomain.CurrentDomain.GetAssemblies(), module.Path);

            Assert.NotNull(record);
            Assert.Equal("AwsSdkConflict", record!.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.ResourceUnavailable, record.CategoryInfo.Category);
            Assert.Same(loaded, record.TargetObject);
            var exception = Assert.IsType<AwsSdkConflictException>(record.Exception);
            Assert.Equal("AWSSDK.Core", exception.AssemblyName);
            Assert.Equal(loaded.Location, exception.LoadedLocation);
            Assert.Equal(AssemblyCopy.Of(loaded).FileVersion?.ToString(), exception.LoadedFileVersion);
            Assert.Equal("4.9.0.0", exception.RequiredFileVersion);
        }

        [Fact]
        public void The_guard_finds_no_conflict_when_the_session_copy_is_the_module_folder_version()
        {
            using var module = new ModuleFolder();
            module.CopyFromTestOutput("AWSSDK.Core.dll");
            module.CopyFromTestOutput("AWSSDK.S3.dll");

            Assert.Null(AwsSdkConflictGuard.Check(Framework, AppDomain.CurrentDomain.GetAssemblies(), module.Path));
            Assert.Null(AwsSdkConflictGuard.Check(RuntimeInformation.FrameworkDescription, AppDomain.CurrentDomain.GetAssemblies(), module.Path));
        }

        private static AssemblyCopy Copy(string name, string version, string? fileVersion, string location) =>
            new AssemblyCopy(
                new AssemblyName($"{name}, Version={version}, Culture=neutral, PublicKeyToken={AwsToken}"),
                fileVersion is null ? null : new Version(fileVersion),
                location);

        private static IEnumerable<AssemblyCopy> Unreadable() =>
            Enumerable.Range(0, 1).Select<int, AssemblyCopy>(_ => throw new InvalidOperationException("Read on .NET, where nothing may be read."));
    }
}
