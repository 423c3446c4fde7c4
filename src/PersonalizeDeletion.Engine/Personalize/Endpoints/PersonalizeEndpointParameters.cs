using Amazon.Runtime.Endpoints;

namespace PersonalizeDeletion.Personalize.Endpoints
{
    /// <summary>The parameters of the Personalize endpoint rule set (endpoint-rule-set-1.json).</summary>
    internal sealed class PersonalizeEndpointParameters : EndpointParameters
    {
        // The rule set declares both flags required with a default of false.
        public PersonalizeEndpointParameters()
        {
            UseDualStack = false;
            UseFIPS = false;
        }

        public string? Region
        {
            get => (string?)this[nameof(Region)];
            set => this[nameof(Region)] = value;
        }

        public bool? UseDualStack
        {
            get => (bool?)this[nameof(UseDualStack)];
            set => this[nameof(UseDualStack)] = value;
        }

        public bool? UseFIPS
        {
            get => (bool?)this[nameof(UseFIPS)];
            set => this[nameof(UseFIPS)] = value;
        }

        public string? Endpoint
        {
            get => (string?)this[nameof(Endpoint)];
            set => this[nameof(Endpoint)] = value;
        }
    }
}
