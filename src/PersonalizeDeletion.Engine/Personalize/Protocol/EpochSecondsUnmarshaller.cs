using System;
using Amazon.Runtime.Internal.Transform;
using Amazon.Runtime.Internal.Util;

namespace PersonalizeDeletion.Personalize.Protocol
{
    /// <summary>
    /// Timestamps arrive as epoch seconds with a fraction (the awsJson default); the SDK's unmarshaller
    /// parses them, and this pins the result to <see cref="DateTimeKind.Utc"/> for our callers.
    /// </summary>
    internal static class EpochSecondsUnmarshaller
    {
        public static DateTime? Read(JsonUnmarshallerContext context, ref StreamingUtf8JsonReader reader)
        {
            var value = NullableDateTimeUnmarshaller.Instance.Unmarshall(context, ref reader);
            if (value is not DateTime timestamp)
            {
                return null;
            }

            return timestamp.Kind switch
            {
                DateTimeKind.Utc => timestamp,
                DateTimeKind.Local => timestamp.ToUniversalTime(),
                _ => DateTime.SpecifyKind(timestamp, DateTimeKind.Utc),
            };
        }
    }
}
