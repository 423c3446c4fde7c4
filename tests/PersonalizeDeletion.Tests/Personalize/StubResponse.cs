using System;
using System.Collections.Generic;

namespace PersonalizeDeletion.Tests.Personalize
{
    /// <summary>One scripted answer of <see cref="StubPersonalizeServer"/>.</summary>
    internal sealed class StubResponse
    {
        private StubResponse(StubResponseKind kind, int status, string body, string requestId, IReadOnlyList<(string Name, string Value)> headers)
        {
            Kind = kind;
            Status = status;
            Body = body;
            RequestId = requestId;
            Headers = headers;
        }

        public StubResponseKind Kind { get; }
        public int Status { get; }
        public string Body { get; }
        public string RequestId { get; }
        public IReadOnlyList<(string Name, string Value)> Headers { get; }

        public static StubResponse Json(int status, string body, string requestId = "stub-request-id", params (string Name, string Value)[] headers) =>
            new StubResponse(StubResponseKind.Answer, status, body, requestId, headers);

        public static StubResponse Error(int status, string type, string message, string requestId = "stub-request-id") =>
            Json(status, JsonBody(type, message), requestId);

        public static StubResponse Drop() => new StubResponse(StubResponseKind.Drop, 0, string.Empty, string.Empty, Array.Empty<(string, string)>());

        public static StubResponse NoAnswer() => new StubResponse(StubResponseKind.NoAnswer, 0, string.Empty, string.Empty, Array.Empty<(string, string)>());

        private static string JsonBody(string type, string message) =>
            "{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}";
    }
}
