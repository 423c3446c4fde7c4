using Amazon.Runtime;
using Amazon.Runtime.Internal;
using Amazon.Runtime.Internal.Transform;

namespace PersonalizeDeletion.Personalize.Protocol
{
    internal sealed class CreateDataDeletionJobRequestMarshaller : IMarshaller<IRequest, AmazonWebServiceRequest>
    {
        public static readonly CreateDataDeletionJobRequestMarshaller Instance = new CreateDataDeletionJobRequestMarshaller();

        public IRequest Marshall(AmazonWebServiceRequest input)
        {
            var request = (CreateDataDeletionJobRequest)input;
            return JsonRequestFactory.Create(request, "CreateDataDeletionJob", context =>
            {
                var writer = context.Writer;
                if (request.JobName is not null)
                {
                    writer.WriteString("jobName", request.JobName);
                }

                if (request.DatasetGroupArn is not null)
                {
                    writer.WriteString("datasetGroupArn", request.DatasetGroupArn);
                }

                if (request.DataLocation is not null)
                {
                    writer.WritePropertyName("dataSource");
                    writer.WriteStartObject();
                    writer.WriteString("dataLocation", request.DataLocation);
                    writer.WriteEndObject();
                }

                if (request.RoleArn is not null)
                {
                    writer.WriteString("roleArn", request.RoleArn);
                }

                if (request.Tags is { Count: > 0 })
                {
                    writer.WritePropertyName("tags");
                    writer.WriteStartArray();
                    foreach (var tag in request.Tags)
                    {
                        writer.WriteStartObject();
                        writer.WriteString("tagKey", tag.Key);
                        writer.WriteString("tagValue", tag.Value);
                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                }
            });
        }
    }
}
