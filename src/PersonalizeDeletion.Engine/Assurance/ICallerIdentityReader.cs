using System.Threading;
using System.Threading.Tasks;

namespace PersonalizeDeletion.Assurance
{
    /// <summary>Learns who the command's credentials are, for the receipt.</summary>
    internal interface ICallerIdentityReader
    {
        /// <exception cref="CallerIdentityException">STS did not say (no answer, or an error).</exception>
        Task<CallerIdentity> ReadAsync(CancellationToken cancellationToken);
    }
}
