using System;
using System.Linq;
using System.Text;
using System.Xml.Linq;
using PersonalizeDeletion.Fake.Hosting;
using PersonalizeDeletion.Fake.Signing;

namespace PersonalizeDeletion.Fake.Sts;

/// <summary>
/// STS in its query protocol (a form-encoded POST, an XML answer), for the one call the module makes:
/// GetCallerIdentity, answered with the identity of the access key that signed the request.
/// </summary>
public sealed class StsService
{
    public const string ServiceName = "sts";

    private static readonly XNamespace Namespace = "https://sts.amazonaws.com/doc/2011-06-15/";

    /// <summary>
    /// True for a POST to / without X-Amz-Target that is signed for "sts" or carries a form body (STS's query
    /// protocol), so one endpoint URL can serve STS beside Personalize and S3.
    /// </summary>
    public static bool Accepts(IncomingRequest request) =>
        request.Method == "POST"
        && request.RawPath == "/"
        && request.Header("X-Amz-Target") is null
        && (SigV4Authorization.TryParse(request.Header("Authorization") ?? string.Empty, out _)?.Service == ServiceName
            || (request.Header("Content-Type") ?? string.Empty).StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase));

    /// <summary>The Action parameter of the form body (or the query string).</summary>
    public static string ActionOf(IncomingRequest request) =>
        Form(request.Body).FirstOrDefault(p => p.Key == "Action").Value ?? request.QueryValue("Action") ?? "Unknown";

    public static FakeResponse Handle(IncomingRequest request, AwsCredential caller, string requestId)
    {
        var form = Form(request.Body);
        var action = ActionOf(request);
        var version = form.FirstOrDefault(p => p.Key == "Version").Value;
        if (action != "GetCallerIdentity")
        {
            return Error(400, "InvalidAction", $"Could not find operation {action} for version {version ?? "NO_VERSION_SPECIFIED"}", requestId);
        }

        if (version != "2011-06-15")
        {
            return Error(400, "InvalidAction", $"Could not find operation {action} for version {version ?? "NO_VERSION_SPECIFIED"}", requestId);
        }

        var root = new XElement(
            Namespace + "GetCallerIdentityResponse",
            new XElement(
                Namespace + "GetCallerIdentityResult",
                new XElement(Namespace + "Arn", caller.Identity),
                new XElement(Namespace + "UserId", caller.AccessKeyId.StartsWith("ASIA", StringComparison.Ordinal) ? $"AROAFAKEROLE00000001:{caller.AccessKeyId.ToLowerInvariant()}" : "AIDAFAKEUSER00000001"),
                new XElement(Namespace + "Account", caller.Account)),
            new XElement(Namespace + "ResponseMetadata", new XElement(Namespace + "RequestId", requestId)));
        return Xml(200, root, null, requestId);
    }

    /// <summary>An STS error: the ErrorResponse document of the query protocol.</summary>
    public static FakeResponse Error(int status, string code, string message, string requestId)
    {
        var root = new XElement(
            Namespace + "ErrorResponse",
            new XElement(
                Namespace + "Error",
                new XElement(Namespace + "Type", status >= 500 ? "Receiver" : "Sender"),
                new XElement(Namespace + "Code", code),
                new XElement(Namespace + "Message", message)),
            new XElement(Namespace + "RequestId", requestId));
        return Xml(status, root, code, requestId);
    }

    public static FakeResponse AuthError(SigV4Verification verification, string requestId) => verification.Failure switch
    {
        SigV4FailureKind.MissingAuthentication => Error(403, "MissingAuthenticationToken", "Request is missing Authentication Token", requestId),
        SigV4FailureKind.UnknownAccessKey or SigV4FailureKind.InvalidSessionToken => Error(403, "InvalidClientTokenId", "The security token included in the request is invalid.", requestId),
        SigV4FailureKind.SignatureMismatch => Error(403, "SignatureDoesNotMatch", verification.Message, requestId),
        _ => Error(400, "IncompleteSignature", verification.Message, requestId),
    };

    private static FakeResponse Xml(int status, XElement root, string? errorCode, string requestId)
    {
        var response = new FakeResponse(status) { Body = Encoding.UTF8.GetBytes(new XDocument(root).ToString(SaveOptions.DisableFormatting)), ErrorCode = errorCode };
        response.Headers.Add(new("Content-Type", "text/xml"));
        response.Headers.Add(new("x-amzn-RequestId", requestId));
        return response;
    }

    private static (string Key, string Value)[] Form(byte[] body) =>
        Encoding.UTF8.GetString(body)
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(part => part.Split('=', 2))
            .Select(pair => (Decode(pair[0]), pair.Length > 1 ? Decode(pair[1]) : string.Empty))
            .ToArray();

    private static string Decode(string text) => Uri.UnescapeDataString(text.Replace('+', ' '));
}
