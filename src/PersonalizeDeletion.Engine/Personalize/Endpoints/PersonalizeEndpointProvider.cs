using System;
using System.Collections.Generic;
using Amazon.Runtime;
using Amazon.Runtime.Endpoints;
using static Amazon.Runtime.Internal.Endpoints.StandardLibrary.Fn;

namespace PersonalizeDeletion.Personalize.Endpoints
{
    /// <summary>
    /// The Personalize endpoint rule set (endpoint-rule-set-1.json) evaluated with AWSSDK.Core's
    /// standard library, so partitions (aws, aws-cn, aws-us-gov, ...) and their DNS suffixes come from
    /// the SDK's partition data rather than from strings kept here.
    /// </summary>
    internal sealed class PersonalizeEndpointProvider : IEndpointProvider
    {
        public Endpoint ResolveEndpoint(EndpointParameters parameters)
        {
            if (parameters is null)
            {
                throw new ArgumentNullException(nameof(parameters));
            }

            if (parameters["UseDualStack"] is null)
            {
                throw new AmazonClientException("UseDualStack parameter must be set for endpoint resolution");
            }

            if (parameters["UseFIPS"] is null)
            {
                throw new AmazonClientException("UseFIPS parameter must be set for endpoint resolution");
            }

            var refs = new Dictionary<string, object>
            {
                ["Region"] = parameters["Region"],
                ["UseDualStack"] = parameters["UseDualStack"],
                ["UseFIPS"] = parameters["UseFIPS"],
                ["Endpoint"] = parameters["Endpoint"],
            };
            var useFips = Equals(refs["UseFIPS"], true);
            var useDualStack = Equals(refs["UseDualStack"], true);

            if (IsSet(refs["Endpoint"]))
            {
                if (useFips)
                {
                    throw new AmazonClientException("Invalid Configuration: FIPS and custom endpoint are not supported");
                }

                if (useDualStack)
                {
                    throw new AmazonClientException("Invalid Configuration: Dualstack and custom endpoint are not supported");
                }

                return new Endpoint((string)refs["Endpoint"]);
            }

            if (IsSet(refs["Region"]) && (refs["PartitionResult"] = Partition((string)refs["Region"])) is not null)
            {
                var supportsFips = Equals(true, GetAttr(refs["PartitionResult"], "supportsFIPS"));
                var supportsDualStack = Equals(true, GetAttr(refs["PartitionResult"], "supportsDualStack"));

                if (useFips && useDualStack)
                {
                    if (supportsFips && supportsDualStack)
                    {
                        return new Endpoint(Interpolate("https://personalize-fips.{Region}.{PartitionResult#dualStackDnsSuffix}", refs));
                    }

                    throw new AmazonClientException("FIPS and DualStack are enabled, but this partition does not support one or both");
                }

                if (useFips)
                {
                    if (supportsFips)
                    {
                        return new Endpoint(Interpolate("https://personalize-fips.{Region}.{PartitionResult#dnsSuffix}", refs));
                    }

                    throw new AmazonClientException("FIPS is enabled but this partition does not support FIPS");
                }

                if (useDualStack)
                {
                    if (supportsDualStack)
                    {
                        return new Endpoint(Interpolate("https://personalize.{Region}.{PartitionResult#dualStackDnsSuffix}", refs));
                    }

                    throw new AmazonClientException("DualStack is enabled but this partition does not support DualStack");
                }

                return new Endpoint(Interpolate("https://personalize.{Region}.{PartitionResult#dnsSuffix}", refs));
            }

            throw new AmazonClientException("Invalid Configuration: Missing Region");
        }
    }
}
