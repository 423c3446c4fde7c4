using System;
using System.Globalization;

namespace PersonalizeDeletion.Loading
{
    /// <summary>
    /// Another module's copy of an AWS SDK assembly that the engine would bind to instead of ours, and that is older
    /// than the one the engine was built against.
    /// </summary>
    internal sealed class AwsSdkConflict
    {
        internal AwsSdkConflict(AssemblyCopy loaded, AssemblyCopy shipped)
        {
            Loaded = loaded ?? throw new ArgumentNullException(nameof(loaded));
            Shipped = shipped ?? throw new ArgumentNullException(nameof(shipped));
        }

        /// <summary>The copy already in the session.</summary>
        internal AssemblyCopy Loaded { get; }

        /// <summary>The module's own copy, which the engine needs.</summary>
        internal AssemblyCopy Shipped { get; }

        /// <summary>What happened, where the other copy comes from, and what to do, in one message.</summary>
        internal string Message
        {
            get
            {
                string name = Shipped.Identity.Name!;
                string loadedVersion = Loaded.FileVersion?.ToString() ?? "of unknown file version";
                string from = Loaded.Location.Length == 0 ? "from memory (no file)" : $"from '{Loaded.Location}'";
                return string.Format(
                    CultureInfo.InvariantCulture,
                    "PersonalizeDeletion cannot run in this session: {0} {1} is already loaded {2}, most likely by AWS.Tools or AWSPowerShell, and this module needs {0} {3} or later. "
                    + "Windows PowerShell loads one copy of {0} {4} per session, so the module would run on that older copy and fail part way. "
                    + "Run PersonalizeDeletion in a new session without that module, update that module to a release built on {0} {3} or later, or use PowerShell 7.4 or later, where each module keeps its own copy.",
                    name,
                    loadedVersion,
                    from,
                    Shipped.FileVersion?.ToString() ?? Shipped.Identity.Version?.ToString(),
                    Shipped.Identity.Version);
            }
        }
    }
}
