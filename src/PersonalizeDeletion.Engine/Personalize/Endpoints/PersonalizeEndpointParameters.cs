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
            get => (string?)this["Region"];
            set => this["Region"] = value;
        }

        public bool? UseDualStack
        {
            get => (bool?)this["UseDualStack"];
            set => this["UseDualStack"] = value;
        }

        public bool? UseFIPS
        {
            get => (bool?)this["UseFIPS"];
            set => this["UseFIPS"] = value;
        }

        public string? Endpoint
        {
            get => (string?)this["Endpoint"];
            set => this["Endpoint"] = value;
        }
    }
}
