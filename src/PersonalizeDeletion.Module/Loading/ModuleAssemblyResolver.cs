using System;
using System.Collections.Concurrent;
using System.IO;
using System.Reflection;

namespace PersonalizeDeletion.Loading
{
    /// <summary>
    /// Windows PowerShell 5.1's stand-in for binding redirects: when .NET Framework cannot bind a reference of the
    /// module's assemblies to a file shipped beside them, this serves that file, as a redirect to the shipped
    /// version would.
    /// </summary>
    /// <remarks>
    /// Why a resolver rather than a set of files whose references match exactly: the packages disagree among
    /// themselves (AWSSDK.Core and AWSSDK.S3 were built against System.Text.Json 6.0.0.0, the engine and AWSSDK.SSOOIDC
    /// need 8.0.0.0; System.Text.Json wants System.Memory 4.0.1.2, AWSSDK.Core 4.0.2.0), and even their net472 builds
    /// name other versions than the ones shipped beside them, so no set of files binds exactly, and Windows PowerShell
    /// gives a module no binding redirects.
    /// <para>The rule is a redirect's, and no wider. A request is served only when it names a plain simple name whose
    /// file is in the module folder; the file's name, culture and public key token match; the requested version is
    /// not higher than the shipped one (an older reference unifies upwards, a newer one would miss members at run
    /// time and is left to fail where it is made); and it comes from an assembly in the module folder, or from a
    /// load .NET does not attribute (reflection, as AWSSDK.Core loads AWSSDK.SecurityToken). Other modules'
    /// requests are theirs to resolve.</para>
    /// <para>Assembly.LoadFrom, not LoadFile: an identity already loaded from the folder (by probing, or by an earlier
    /// answer) comes back as the same assembly, so all of the module's assemblies share one System.Memory and so one
    /// Span&lt;T&gt;.</para>
    /// </remarks>
    internal sealed class ModuleAssemblyResolver
    {
        private static readonly object Gate = new object();
        private static readonly char[] Separators = { '/', '\\', ':' };
        private static ModuleAssemblyResolver? s_registered;

        private readonly ConcurrentDictionary<string, AssemblyName?> _shipped =
            new ConcurrentDictionary<string, AssemblyName?>(StringComparer.OrdinalIgnoreCase);

        internal ModuleAssemblyResolver(string moduleDirectory)
        {
            if (string.IsNullOrEmpty(moduleDirectory))
            {
                throw new ArgumentException("The module folder is required.", nameof(moduleDirectory));
            }

            ModuleDirectory = Path.GetFullPath(moduleDirectory).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        }

        /// <summary>The only folder whose files are served.</summary>
        internal string ModuleDirectory { get; }

        /// <summary>
        /// Registers the module folder's resolver for the AppDomain. Called at every import; only the first call
        /// registers (Import-Module -Force must not stack handlers).
        /// </summary>
        internal static void Register(string moduleDirectory)
        {
            lock (Gate)
            {
                if (s_registered is not null)
                {
                    return;
                }

                s_registered = new ModuleAssemblyResolver(moduleDirectory);
                AppDomain.CurrentDomain.AssemblyResolve += s_registered.OnAssemblyResolve;
            }
        }

        /// <summary>
        /// The shipped file that answers a request for <paramref name="requestedName"/> (a display name), or null to
        /// decline. <paramref name="requesterLocation"/> is the requesting assembly's file, "" for one loaded without
        /// a file, or null when .NET does not say who asks.
        /// </summary>
        internal string? Resolve(string requestedName, string? requesterLocation)
        {
            if (requesterLocation is not null && !IsInModuleFolder(requesterLocation))
            {
                return null;
            }

            AssemblyName requested;
            try
            {
                requested = new AssemblyName(requestedName);
            }
            catch (Exception malformed) when (malformed is ArgumentException || malformed is FileLoadException)
            {
                return null;
            }

            string? simpleName = requested.Name;
            if (simpleName is null || !IsPlainFileName(simpleName))
            {
                return null;
            }

            string path = Path.Combine(ModuleDirectory, simpleName + ".dll");
            AssemblyName? shipped = _shipped.GetOrAdd(simpleName, _ => ReadIdentity(path));
            return shipped is not null && Serves(requested, shipped) ? path : null;
        }

        /// <summary>Whether a file of identity <paramref name="shipped"/> may answer a request for <paramref name="requested"/>.</summary>
        internal static bool Serves(AssemblyName requested, AssemblyName shipped)
        {
            if (!string.Equals(requested.Name, shipped.Name, StringComparison.OrdinalIgnoreCase)
                || !string.Equals(requested.CultureName ?? string.Empty, shipped.CultureName ?? string.Empty, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            // A name without a token ("System.Memory") asks for any; "PublicKeyToken=null" asks for an unsigned one.
            byte[]? requestedToken = requested.GetPublicKeyToken();
            if (requestedToken is not null && !SameToken(requestedToken, shipped.GetPublicKeyToken()))
            {
                return false;
            }

            return requested.Version is null || (shipped.Version is not null && requested.Version <= shipped.Version);
        }

        private Assembly? OnAssemblyResolve(object? sender, ResolveEventArgs args)
        {
            Assembly? requester = args.RequestingAssembly;
            string? requesterLocation = requester is null ? null : requester.IsDynamic ? string.Empty : requester.Location;
            string? path = Resolve(args.Name, requesterLocation);
            return path is null ? null : Assembly.LoadFrom(path);
        }

        private bool IsInModuleFolder(string location)
        {
            if (location.Length == 0)
            {
                return false;
            }

            // Windows paths (the only ones .NET Framework sees) compare without case.
            string? folder = Path.GetDirectoryName(Path.GetFullPath(location));
            return folder is not null && string.Equals(folder.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar), ModuleDirectory, StringComparison.OrdinalIgnoreCase);
        }

        private static bool IsPlainFileName(string name) =>
            name.Length > 0
            && name != "."
            && name != ".."
            && name.IndexOfAny(Path.GetInvalidFileNameChars()) < 0
            && name.IndexOfAny(Separators) < 0;

        private static AssemblyName? ReadIdentity(string path)
        {
            try
            {
                return File.Exists(path) ? AssemblyName.GetAssemblyName(path) : null;
            }
            catch (Exception unreadable) when (unreadable is BadImageFormatException || unreadable is IOException || unreadable is UnauthorizedAccessException)
            {
                return null;
            }
        }

        /// <summary>
        /// Whether two public key tokens are the same; a missing token (null) is an empty one, as for an unsigned
        /// assembly. <see cref="AwsSdkConflictCheck"/> compares tokens by this too.
        /// </summary>
        internal static bool SameToken(byte[]? left, byte[]? right)
        {
            left ??= Array.Empty<byte>();
            right ??= Array.Empty<byte>();
            if (left.Length != right.Length)
            {
                return false;
            }

            for (int i = 0; i < left.Length; i++)
            {
                if (left[i] != right[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
