using System.Collections.Generic;

namespace PersonalizeDeletion.Tests.Personalize
{
    internal sealed class RecordedRequest
    {
        public RecordedRequest(string method, string path, IReadOnlyDictionary<string, string> headers, string body)
        {
            Method = method;
            Path = path;
            Headers = headers;
            Body = body;
        }

        public string Method { get; }
        public string Path { get; }
        public IReadOnlyDictionary<string, string> Headers { get; }
        public string Body { get; }
    }
}
