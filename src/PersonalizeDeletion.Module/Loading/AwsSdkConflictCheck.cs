using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;

namespace PersonalizeDeletion.Loading
{
    /// <summary>
    /// Decides whether the engine would run on another module's older AWS SDK: on .NET Framework a reference binds to
    /// whichever copy of that exact identity the session loaded first, and AWS.Tools 5 ships AWSSDK.Core and AWSSDK.S3
    /// under the same assembly version (4.0.0.0) as ours, from older packages that lack what the engine uses.
    /// </summary>
    /// <remarks>
    /// A copy of another assembly version (AWSPowerShell's 3.3.0.0) loads beside ours and is no conflict; nor is a
    /// copy at least as new as ours, which AWS keeps compatible within a major version; nor anything once our own
    /// copy is in use. On .NET the module's load context keeps its own copies, so there is never a conflict there.
    /// </remarks>
    internal static class AwsSdkConflictCheck
    {
        /// <summary>The AWS SDK assemblies the engine is compiled against (the others, it reaches through AWSSDK.Core).</summary>
        internal static readonly IReadOnlyList<string> GuardedAssemblyNames = new[] { "AWSSDK.Core", "AWSSDK.S3", "AWSSDK.SecurityToken" };

        /// <summary>
        /// The first guarded assembly of <paramref name="shipped"/> that would bind to an older copy among
        /// <paramref name="loaded"/>, or null. Nothing is enumerated unless the runtime is .NET Framework.
        /// </summary>
        internal static AwsSdkConflict? Find(string frameworkDescription, IEnumerable<AssemblyCopy> shipped, IEnumerable<AssemblyCopy> loaded)
        {
            if (!ModuleRuntime.IsNetFrameworkDescription(frameworkDescription))
            {
                return null;
            }

            List<AssemblyCopy> candidates = loaded.Where(copy => IsGuarded(copy.Identity.Name)).ToList();
            if (candidates.Count == 0)
            {
                return null;
            }

            foreach (AssemblyCopy ours in shipped.Where(copy => IsGuarded(copy.Identity.Name)))
            {
                List<AssemblyCopy> sameIdentity = candidates.Where(copy => SameIdentity(copy.Identity, ours.Identity)).ToList();
                if (sameIdentity.Any(copy => SameFile(copy.Location, ours.Location)))
                {
                    continue;
                }

                AssemblyCopy? older = sameIdentity.FirstOrDefault(copy => IsOlder(copy, ours));
                if (older is not null)
                {
                    return new AwsSdkConflict(older, ours);
                }
            }

            return null;
        }

        internal static bool IsGuarded(string? name) =>
            GuardedAssemblyNames.Contains(name ?? string.Empty, StringComparer.OrdinalIgnoreCase);

        private static bool IsOlder(AssemblyCopy loaded, AssemblyCopy ours) =>
            loaded.FileVersion is null || (ours.FileVersion is not null && loaded.FileVersion < ours.FileVersion);

        private static bool SameIdentity(AssemblyName left, AssemblyName right) =>
            string.Equals(left.Name, right.Name, StringComparison.OrdinalIgnoreCase)
            && Equals(left.Version, right.Version)
            && string.Equals(left.CultureName ?? string.Empty, right.CultureName ?? string.Empty, StringComparison.OrdinalIgnoreCase)
            && ModuleAssemblyResolver.SameToken(left.GetPublicKeyToken(), right.GetPublicKeyToken());

        // Windows paths (the only ones .NET Framework sees) compare without case.
        private static bool SameFile(string left, string right) =>
            left.Length > 0 && right.Length > 0
            && string.Equals(Path.GetFullPath(left), Path.GetFullPath(right), StringComparison.OrdinalIgnoreCase);
    }
}
