using System;
using System.Linq;
using System.Reflection;
using PersonalizeDeletion.Cmdlets;
using PersonalizeDeletion.Loader;
using PersonalizeDeletion.Staging;
using Xunit;

namespace PersonalizeDeletion.Tests
{
    /// <summary>
    /// The split that keeps the import cheap and the AWS SDK isolated: the cmdlet assembly lives in PowerShell's
    /// default load context, so it must not reference the AWS SDK (its references would bind to whatever AWSSDK.Core
    /// another module loaded there); the engine must not reference PowerShell; and the loader the cmdlets reach by
    /// name must be there under that name.
    /// </summary>
    public class EngineIsolationTests
    {
        private static readonly Assembly Cmdlets = typeof(NewPDataDeletionJobCommand).Assembly;
        private static readonly Assembly Engine = typeof(S3StagingUploader).Assembly;

        [Fact]
        public void The_cmdlet_assembly_references_the_engine_but_no_AWS_SDK_assembly()
        {
            string[] references = Cmdlets.GetReferencedAssemblies().Select(name => name.Name!).ToArray();

            Assert.Equal("PersonalizeDeletion", Cmdlets.GetName().Name);
            Assert.Contains(EngineResolver.EngineAssemblyName, references);
            Assert.DoesNotContain(references, name => name.StartsWith("AWSSDK", StringComparison.OrdinalIgnoreCase));
        }

        [Fact]
        public void The_engine_references_the_AWS_SDK_but_not_PowerShell_nor_the_cmdlets()
        {
            string[] references = Engine.GetReferencedAssemblies().Select(name => name.Name!).ToArray();

            Assert.Equal(EngineResolver.EngineAssemblyName, Engine.GetName().Name);
            Assert.Contains("AWSSDK.Core", references);
            Assert.DoesNotContain("System.Management.Automation", references);
            Assert.DoesNotContain("PersonalizeDeletion", references);
        }

        [Fact]
        public void The_module_initializer_finds_the_loader_by_the_names_it_uses()
        {
            Type resolver = typeof(EngineResolver);

            Assert.Equal(EngineIsolation.LoaderAssemblyFile, resolver.Assembly.GetName().Name + ".dll");
            Assert.Equal(EngineIsolation.LoaderTypeName, resolver.FullName);
            MethodInfo? register = resolver.GetMethod("Register", new[] { typeof(string) });
            Assert.NotNull(register);
            Assert.True(register!.IsStatic && register.IsPublic);
        }
    }
}
