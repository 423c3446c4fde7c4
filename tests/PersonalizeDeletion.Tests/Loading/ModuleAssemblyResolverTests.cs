using System;
using System.IO;
using System.Reflection;
using PersonalizeDeletion.Loading;
using Xunit;

namespace PersonalizeDeletion.Tests.Loading
{
    /// <summary>
    /// Windows PowerShell 5.1's resolver: what it serves from the module folder and what it declines. The requests
    /// are the ones .NET Framework makes of the shipped assemblies (see the reference-graph test in
    /// tests/DependencyIsolation.Tests.ps1), against real files in a throw-away module folder.
    /// </summary>
    public sealed class ModuleAssemblyResolverTests : IDisposable
    {
        private const string AwsToken = "885c28607f98e604";

        private readonly ModuleFolder _module = new ModuleFolder();
        private readonly ModuleAssemblyResolver _resolver;
        private readonly string _core;
        private readonly string _requester;

        public ModuleAssemblyResolverTests()
        {
            _core = _module.CopyFromTestOutput("AWSSDK.Core.dll");
            _module.CopyFromTestOutput("PersonalizeDeletion.Engine.dll");
            _requester = _module.CopyFromTestOutput("AWSSDK.S3.dll");
            _resolver = new ModuleAssemblyResolver(_module.Path);
        }

        public void Dispose() => _module.Dispose();

        [Fact]
        public void Serves_the_shipped_file_for_its_exact_identity_asked_by_a_module_assembly()
        {
            Assert.Equal(_core, _resolver.Resolve($"AWSSDK.Core, Version=4.0.0.0, Culture=neutral, PublicKeyToken={AwsToken}", _requester));
        }

        [Fact]
        public void Serves_an_older_reference_as_a_binding_redirect_to_the_shipped_version_would()
        {
            // The rule that gives System.Text.Json 8, built against System.Memory 4.0.1.2, the shipped 4.0.2.0.
            Assert.Equal(_core, _resolver.Resolve($"AWSSDK.Core, Version=3.3.0.0, Culture=neutral, PublicKeyToken={AwsToken}", _requester));
        }

        [Fact]
        public void Serves_a_load_dotnet_does_not_attribute_such_as_AWSSDK_Core_loading_a_service_by_name()
        {
            Assert.Equal(_core, _resolver.Resolve("AWSSDK.Core", requesterLocation: null));
        }

        [Fact]
        public void Serves_the_unsigned_engine_by_name()
        {
            Assert.Equal(_module.File("PersonalizeDeletion.Engine.dll"), _resolver.Resolve("PersonalizeDeletion.Engine, Version=0.1.0.0, Culture=neutral, PublicKeyToken=null", _requester));
        }

        [Fact]
        public void Declines_a_version_higher_than_the_shipped_one()
        {
            Assert.Null(_resolver.Resolve($"AWSSDK.Core, Version=4.0.0.1, Culture=neutral, PublicKeyToken={AwsToken}", _requester));
            Assert.Null(_resolver.Resolve($"AWSSDK.Core, Version=5.0.0.0, Culture=neutral, PublicKeyToken={AwsToken}", _requester));
        }

        [Fact]
        public void Declines_another_public_key_and_a_culture()
        {
            Assert.Null(_resolver.Resolve("AWSSDK.Core, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a", _requester));
            Assert.Null(_resolver.Resolve("AWSSDK.Core, Version=4.0.0.0, Culture=neutral, PublicKeyToken=null", _requester));
            Assert.Null(_resolver.Resolve($"AWSSDK.Core.resources, Version=4.0.0.0, Culture=de, PublicKeyToken={AwsToken}", _requester));
            Assert.Null(_resolver.Resolve($"AWSSDK.Core, Version=4.0.0.0, Culture=de, PublicKeyToken={AwsToken}", _requester));
        }

        [Fact]
        public void Declines_names_not_shipped()
        {
            Assert.Null(_resolver.Resolve($"AWSSDK.DynamoDBv2, Version=4.0.0.0, Culture=neutral, PublicKeyToken={AwsToken}", _requester));
            Assert.Null(_resolver.Resolve("System.Management.Automation, Version=3.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35", null));
        }

        [Fact]
        public void Declines_requests_of_assemblies_in_other_folders_and_of_assemblies_without_a_file()
        {
            string elsewhere = Path.Combine(Path.GetTempPath(), "AWS.Tools.Common", "AWSSDK.S3.dll");

            Assert.Null(_resolver.Resolve("AWSSDK.Core", elsewhere));
            Assert.Null(_resolver.Resolve("AWSSDK.Core", Path.Combine(_module.Path, "nested", "AWSSDK.S3.dll")));
            Assert.Null(_resolver.Resolve("AWSSDK.Core", string.Empty));
        }

        [Fact]
        public void Never_serves_a_file_of_another_folder_whatever_the_name_says()
        {
            using var other = new ModuleFolder();
            other.CopyFromTestOutput("AWSSDK.Core.dll", "AWSSDK.Outside.dll");
            string relative = Path.Combine("..", Path.GetFileName(other.Path), "AWSSDK.Outside");

            Assert.Null(_resolver.Resolve("AWSSDK.Outside", _requester));
            Assert.Null(_resolver.Resolve(relative, _requester));
            Assert.Null(_resolver.Resolve(other.File("AWSSDK.Outside"), _requester));
        }

        [Fact]
        public void Declines_a_file_whose_assembly_is_not_the_one_its_name_says_or_no_assembly_at_all()
        {
            _module.CopyFromTestOutput("AWSSDK.Core.dll", "AWSSDK.Renamed.dll");
            File.WriteAllText(_module.File("Notes.dll"), "not an assembly");

            Assert.Null(_resolver.Resolve("AWSSDK.Renamed", _requester));
            Assert.Null(_resolver.Resolve("Notes", _requester));
        }

        [Fact]
        public void Declines_malformed_names()
        {
            Assert.Null(_resolver.Resolve("AWSSDK.Core, Version=not-a-version", _requester));
            Assert.Null(_resolver.Resolve(string.Empty, _requester));
        }

        [Theory]
        [InlineData("System.Memory, Version=4.0.1.2, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51", "System.Memory, Version=4.0.2.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51", true)]
        [InlineData("System.Text.Json, Version=6.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51", "System.Text.Json, Version=8.0.0.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51", true)]
        [InlineData("System.Runtime.CompilerServices.Unsafe, Version=4.0.4.1, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a", "System.Runtime.CompilerServices.Unsafe, Version=6.0.0.0, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a", true)]
        [InlineData("System.Memory", "System.Memory, Version=4.0.2.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51", true)]
        [InlineData("System.Memory, Version=4.0.3.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51", "System.Memory, Version=4.0.2.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51", false)]
        [InlineData("System.Memory, Version=4.0.1.2, Culture=neutral, PublicKeyToken=b03f5f7f11d50a3a", "System.Memory, Version=4.0.2.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51", false)]
        [InlineData("System.Buffers, Version=4.0.2.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51", "System.Memory, Version=4.0.2.0, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51", false)]
        public void Serves_what_a_redirect_to_the_shipped_version_would(string requested, string shipped, bool served)
        {
            Assert.Equal(served, ModuleAssemblyResolver.Serves(new AssemblyName(requested), new AssemblyName(shipped)));
        }

        [Fact]
        public void Tells_dotnet_framework_where_it_is_registered_from_dotnet_where_it_is_not()
        {
            Assert.True(ModuleRuntime.IsNetFrameworkDescription(".NET Framework 4.8.9232.0"));
            Assert.False(ModuleRuntime.IsNetFrameworkDescription(".NET 8.0.11"));
            Assert.False(ModuleRuntime.IsNetFramework);
        }
    }
}
