using System;
using System.Collections.Immutable;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace PersonalizeDeletion.Tests.Loading
{
    /// <summary>
    /// A throw-away module folder, filled with copies of real assemblies or with small assemblies compiled on the spot
    /// under another module's identity (name, version, public key) and file version.
    /// </summary>
    internal sealed class ModuleFolder : IDisposable
    {
        public ModuleFolder()
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "pd-module-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        public string File(string name) => System.IO.Path.Combine(Path, name);

        /// <summary>Copies an assembly the tests themselves load (from the test output folder) into the module folder.</summary>
        public string CopyFromTestOutput(string fileName, string? asName = null)
        {
            string target = File(asName ?? fileName);
            System.IO.File.Copy(System.IO.Path.Combine(AppContext.BaseDirectory, fileName), target);
            return target;
        }

        /// <summary>
        /// Compiles an empty assembly with this identity. Public signing needs only the public key; nothing here
        /// verifies strong-name signatures.
        /// </summary>
        public string Compile(string name, Version version, string? fileVersion, byte[]? publicKey = null, string? directory = null)
        {
            string attributes = $"[assembly: System.Reflection.AssemblyVersion(\"{version}\")]\n"
                + (fileVersion is null ? string.Empty : $"[assembly: System.Reflection.AssemblyFileVersion(\"{fileVersion}\")]\n");
            var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary);
            if (publicKey is not null)
            {
                options = options.WithCryptoPublicKey(ImmutableArray.Create(publicKey)).WithPublicSign(true);
            }

            CSharpCompilation compilation = CSharpCompilation.Create(
                name,
                new[] { CSharpSyntaxTree.ParseText(attributes) },
                new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
                options);
            string target = System.IO.Path.Combine(directory ?? Path, name + ".dll");
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            using (FileStream stream = System.IO.File.Create(target))
            {
                Microsoft.CodeAnalysis.Emit.EmitResult result = compilation.Emit(stream);
                if (!result.Success)
                {
                    throw new InvalidOperationException($"{name} did not compile: {string.Join("; ", result.Diagnostics)}");
                }
            }

            return target;
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
                // A file still mapped by the runtime; the temp folder is cleaned by the system.
            }
        }
    }
}
