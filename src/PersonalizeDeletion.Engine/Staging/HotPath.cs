using System.Runtime.CompilerServices;

namespace PersonalizeDeletion.Staging
{
    /// <summary>Marks the per-ID code: reading a file, checking, hashing and staging each ID (run millions of times per command).</summary>
    internal static class HotPath
    {
        /// <summary>
        /// <c>MethodImplOptions.AggressiveOptimization</c> (0x200, which netstandard2.0 does not name): the JIT
        /// compiles the method fully optimised at once instead of starting with quick, unoptimised code.
        /// </summary>
        /// <remarks>
        /// The tiered JIT promotes methods only after a quiet spell with no new methods to compile, which rarely comes
        /// while PowerShell and the AWS SDK keep compiling: without this the per-ID code may run unoptimised for a
        /// whole command (bench/README.md). Runtimes that do not know the flag ignore it.
        /// </remarks>
        public const MethodImplOptions Optimize = (MethodImplOptions)0x200;
    }
}
