using System.Threading;
using System.Threading.Tasks;

namespace PersonalizeDeletion.Fake.Hosting;

/// <summary>Answers Personalize calls from somewhere other than the simulation (record mode: the real service).</summary>
public interface IPersonalizeForwarder
{
    Task<FakeResponse> ForwardAsync(string operation, IncomingRequest request, CancellationToken cancellationToken);
}
