using System.Threading;
using System.Threading.Tasks;

namespace PersonalizeDeletion.Fake.Hosting;

/// <summary>Answers Personalize calls from somewhere other than the simulation (record mode: the real service).</summary>
public interface IPersonalizeForwarder
{
    /// <param name="operation">The Personalize operation.</param>
    /// <param name="region">The region the request is for.</param>
    /// <param name="request">The request as received.</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    Task<FakeResponse> ForwardAsync(string operation, string region, IncomingRequest request, CancellationToken cancellationToken);
}
