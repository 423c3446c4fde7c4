using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using PersonalizeDeletion.Fake.Faults;
using PersonalizeDeletion.Fake.Inspection;
using PersonalizeDeletion.Fake.Personalize;
using PersonalizeDeletion.Fake.S3;
using PersonalizeDeletion.Fake.Signing;

namespace PersonalizeDeletion.Fake.Hosting;

/// <summary>
/// The path every impersonated-service request takes: tell Personalize from S3, log it, verify the
/// signature, apply any fault, do the work, then write (or drop) the response.
/// </summary>
public sealed class ServiceGateway
{
    private const string PersonalizeServiceName = "personalize";
    private const string S3ServiceName = "s3";

    private readonly FakeState _state;
    private readonly SigV4Verifier _verifier;
    private readonly PersonalizeService _personalize;
    private readonly S3Service _s3;
    private readonly S3Authenticator _s3Authenticator;
    private readonly IPersonalizeForwarder? _forwarder;

    public ServiceGateway(FakeState state, IPersonalizeForwarder? forwarder)
    {
        _state = state;
        _verifier = new SigV4Verifier(state.Credentials);
        _personalize = new PersonalizeService(state.Model, state.Personalize, () => state.Recordings, state.Clock);
        _s3 = new S3Service(state.S3, state.Clock);
        _s3Authenticator = new S3Authenticator(_verifier, state.Clock);
        _forwarder = forwarder;
    }

    public async Task HandleAsync(HttpContext context)
    {
        var aborted = context.RequestAborted;
        var request = await IncomingRequest.ReadAsync(context, aborted);
        var isPersonalize = request.Method == "POST" && request.RawPath == "/" && request.Header("X-Amz-Target") is not null;
        var service = isPersonalize ? PersonalizeServiceName : S3ServiceName;
        var s3Route = isPersonalize ? null : S3Service.Route(request);
        var operation = isPersonalize ? _personalize.OperationOf(request.Header("X-Amz-Target")) ?? "Unknown" : s3Route!.Operation;
        var requestId = isPersonalize ? Guid.NewGuid().ToString() : NewS3RequestId();

        var entry = new RequestLogEntry
        {
            Seq = _state.Requests.NextSequence(),
            Time = _state.Clock.UtcNow,
            Service = service,
            Operation = operation,
            SessionToken = request.Header("X-Amz-Security-Token") is not null,
            Method = request.Method,
            Path = request.RawPath,
            Query = request.RawQuery,
            Headers = request.Headers,
            // S3 bodies reach many megabytes in the benchmarks; keeping them would double the memory.
            Body = isPersonalize ? System.Text.Encoding.UTF8.GetString(request.Body) : null,
            BodyLength = request.Body.LongLength,
        };
        _state.Requests.Add(entry);

        FakeResponse? response = null;
        S3Payload? payload = null;
        if (isPersonalize)
        {
            var verification = _verifier.Verify(request, PersonalizeServiceName, SigV4Crypto.Sha256Hex(request.Body), _state.Clock.UtcNow);
            _state.Requests.Identify(entry, verification.Authorization?.AccessKeyId, verification.Authorization?.Region);
            if (!verification.Succeeded)
            {
                response = PersonalizeAuthError(verification, requestId);
            }
        }
        else
        {
            try
            {
                payload = _s3Authenticator.Authenticate(request, auth => _state.Requests.Identify(entry, auth?.AccessKeyId, auth?.Region));
            }
            catch (S3ErrorException e)
            {
                response = S3Service.ErrorResponse(e, requestId, request.Method == "HEAD");
            }
        }

        var fault = response is null ? _state.Faults.Next(service, operation) : null;
        var faultName = fault is null ? null : FaultRule.KindName(fault.Kind);
        switch (fault?.Kind)
        {
            case FaultKind.DropBefore:
                _state.Requests.Complete(entry, null, null, faultName);
                context.Abort();
                return;
            case FaultKind.Throttle:
                response = isPersonalize
                    ? PersonalizeService.Error("ThrottlingException", "Rate exceeded", requestId)
                    : S3Service.ErrorResponse(new S3ErrorException(503, "SlowDown", "Please reduce your request rate."), requestId, request.Method == "HEAD");
                break;
            case FaultKind.Error500:
                response = isPersonalize
                    ? PersonalizeService.Error("InternalFailure", "The request processing has failed because of an unknown error, exception or failure.", requestId, 500)
                    : S3Service.ErrorResponse(new S3ErrorException(500, "InternalError", "We encountered an internal error. Please try again."), requestId, request.Method == "HEAD");
                break;
            case FaultKind.Delay:
                try
                {
                    await Task.Delay(fault.DelayMs, aborted);
                }
                catch (OperationCanceledException)
                {
                    // The client gave up (its timeout or a cancelled call): nothing is done, as with a real slow service.
                    _state.Requests.Complete(entry, null, "ClientDisconnected", faultName);
                    return;
                }

                break;
        }

        response ??= isPersonalize
            ? await HandlePersonalizeAsync(operation, request, requestId, aborted)
            : HandleS3(s3Route!, request, payload!, requestId);

        if (fault?.Kind == FaultKind.DropAfter)
        {
            _state.Requests.Complete(entry, response.Status, response.ErrorCode, faultName);
            context.Abort();
            return;
        }

        _state.Requests.Complete(entry, response.Status, response.ErrorCode, faultName);
        await WriteAsync(context, response, isPersonalize, requestId, aborted);
    }

    private async Task<FakeResponse> HandlePersonalizeAsync(string operation, IncomingRequest request, string requestId, CancellationToken cancellationToken) =>
        _forwarder is null
            ? _personalize.Handle(operation == "Unknown" ? null : operation, request.Body, requestId)
            : await _forwarder.ForwardAsync(operation, request, cancellationToken);

    private FakeResponse HandleS3(S3Route route, IncomingRequest request, S3Payload payload, string requestId)
    {
        try
        {
            return _s3.Handle(route, request, payload);
        }
        catch (S3ErrorException e)
        {
            return S3Service.ErrorResponse(e, requestId, request.Method == "HEAD");
        }
    }

    private static FakeResponse PersonalizeAuthError(SigV4Verification verification, string requestId) => verification.Failure switch
    {
        SigV4FailureKind.MissingAuthentication => PersonalizeService.Error("MissingAuthenticationTokenException", verification.Message, requestId),
        SigV4FailureKind.MalformedAuthorization => PersonalizeService.Error("IncompleteSignatureException", verification.Message, requestId),
        SigV4FailureKind.UnknownAccessKey or SigV4FailureKind.InvalidSessionToken =>
            PersonalizeService.Error("UnrecognizedClientException", verification.Message, requestId),
        SigV4FailureKind.SignatureMismatch => PersonalizeService.Error(
            "InvalidSignatureException",
            $"{verification.Message}\n\nThe Canonical String for this request should have been\n'{verification.CanonicalRequest}'\n\nThe String-to-Sign should have been\n'{verification.StringToSign}'\n",
            requestId),
        _ => PersonalizeService.Error("InvalidSignatureException", verification.Message, requestId),
    };

    private async Task WriteAsync(HttpContext context, FakeResponse response, bool isPersonalize, string requestId, CancellationToken cancellationToken)
    {
        var http = context.Response;
        http.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers)
        {
            http.Headers.Append(name, value);
        }

        // The Date header carries the fake's (possibly offset) clock: the SDK's clock-skew correction reads it.
        http.Headers.Date = _state.Clock.UtcNow.UtcDateTime.ToString("r", CultureInfo.InvariantCulture);
        if (!isPersonalize)
        {
            http.Headers["x-amz-request-id"] = requestId;
            http.Headers["x-amz-id-2"] = S3Service.HostId(requestId);
            http.Headers.Server = "AmazonS3";
        }

        http.ContentLength = response.ContentLengthOverride ?? response.Body.Length;
        if (context.Request.Method != "HEAD" && response.Body.Length > 0)
        {
            try
            {
                await http.Body.WriteAsync(response.Body, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // The client disconnected mid-response; there is nobody left to tell.
            }
        }
    }

    private static string NewS3RequestId() => Convert.ToHexString(Guid.NewGuid().ToByteArray().AsSpan(0, 8));
}
