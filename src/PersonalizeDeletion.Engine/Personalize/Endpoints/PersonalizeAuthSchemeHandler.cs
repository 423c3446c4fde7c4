using System.Collections.Generic;
using Amazon.Runtime;
using Amazon.Runtime.Credentials.Internal;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Auth;

namespace PersonalizeDeletion.Personalize.Endpoints
{
    /// <summary>
    /// Chooses the signer for each request. The model declares SigV4 only (<c>aws.auth#sigv4</c>), and
    /// AWSSDK.Core's pipeline has no signer until such a handler picks one.
    /// </summary>
    internal sealed class PersonalizeAuthSchemeHandler : BaseAuthResolverHandler
    {
        protected override List<IAuthSchemeOption> ResolveAuthOptions(IExecutionContext executionContext) => AuthSchemeOption.DEFAULT_SIGV4;
    }
}
