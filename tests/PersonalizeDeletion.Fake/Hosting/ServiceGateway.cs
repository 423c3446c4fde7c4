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
using PersonalizeDeletion.Fake.Sts;

namespace PersonalizeDeletion.Fake.Hosting;

/// <summary>
/// The path every impersonated-service request takes: tell Personalize, STS and S3 apart, log it, verify
/// the signature and its region, apply any fault, do the work in the request's region, then write (or
/// drop) the response.
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
    private readonly Func<HttpContext, string?> _endpointRegion;

    /// <param name="state">Everything the fake holds.</param>
    /// <param name="forwarder">Record mode's upstream, or null.</param>
    /// <param name="endpointRegion">The region of the listener a request came in on; null for the shared listener.</param>
    public ServiceGateway(FakeState state, IPersonalizeForwarder? forwarder, Func<HttpContext, string?> endpointRegion)
    {
        _state = state;
        _verifier = new SigV4Verifier(state.Credentials);
        _personalize = new PersonalizeService(state.Model, state.Personalize, state.Resources, () => state.Recordings);
        _s3 = new S3Service(state.S3, state.Clock);
        _s3Authenticator = new S3Authenticator(_verifier, state.Clock);
        _forwarder = forwarder;
        _endpointRegion = endpointRegion;
    }

    public async Task HandleAsync(HttpContext context)
    {
        var aborted = context.RequestAborted;
        var request = await IncomingRequest.ReadAsync(context, aborted);
        var isPersonalize = request.Method == "POST" && request.RawPath == "/" && request.Header("X-Amz-Target") is not null;
        var isSts = !isPersonalize && StsService.Accepts(request);
        var service = isPersonalize ? PersonalizeServiceName : isSts ? StsService.ServiceName : S3ServiceName;
        var s3Route = isPersonalize || isSts ? null : S3Service.Route(request);
        var operation = isPersonalize ? _personalize.OperationOf(request.Header("X-Amz-Target")) ?? "Unknown"
            : isSts ? StsService.ActionOf(request)
            : s3Route!.Operation;
        var requestId = isPersonalize || isSts ? Guid.NewGuid().ToString() : NewS3RequestId();
        var endpointRegion = _endpointRegion(context);

        var entry = new RequestLogEntry
        {
            Seq = _state.Requests.NextSequence(),
            Time = _state.Clock.UtcNow,
            Service = service,
            Operation = operation,
            EndpointRegion = endpointRegion,
            SessionToken = request.Header("X-Amz-Security-Token") is not null,
            Method = request.Method,
            Path = request.RawPath,
            Query = request.RawQuery,
            Headers = request.Headers,
            // S3 bodies reach many megabytes in the benchmarks; keeping them would double the memory.
            Body = isPersonalize || isSts ? System.Text.Encoding.UTF8.GetString(request.Body) : null,
            BodyLength = request.Body.LongLength,
        };
        _state.Requests.Add(entry);

        FakeResponse? response = null;
        S3Payload? payload = null;
        SigV4Authorization? authorization = null;
        if (isPersonalize || isSts)
        {
            var verification = _verifier.Verify(request, service, SigV4Crypto.Sha256Hex(request.Body), _state.Clock.UtcNow);
            authorization = verification.Authorization;
            _state.Requests.Identify(entry, authorization?.AccessKeyId, authorization?.Region);
            if (!verification.Succeeded)
            {
                response = isSts ? StsService.AuthError(verification, requestId) : PersonalizeAuthError(verification, requestId);
            }
            else if (isPersonalize && endpointRegion is not null && authorization!.Region != endpointRegion)
            {
                response = PersonalizeService.Error("InvalidSignatureException", $"Credential should be scoped to a valid region, not '{authorization.Region}'. ", requestId);
            }
        }
        else
        {
            try
            {
                payload = _s3Authenticator.Authenticate(request, auth =>
                {
                    authorization = auth;
                    _state.Requests.Identify(entry, auth?.AccessKeyId, auth?.Region);
                });
                if (endpointRegion is not null && authorization is not null && authorization.Region != endpointRegion)
                {
                    throw S3ErrorException.WrongRegion(s3Route!.Bucket ?? string.Empty, endpointRegion, authorization.Region, regionalEndpoint: false);
                }
            }
            catch (S3ErrorException e)
            {
                response = S3Service.ErrorResponse(e, requestId, request.Method == "HEAD");
            }
        }

        var region = new RequestRegion(endpointRegion ?? authorization?.Region ?? S3Store.DefaultRegion, endpointRegion is not null);
        var fault = response is null ? _state.Faults.Next(service, operation) : null;
        var faultName = fault is null ? null : FaultRule.KindName(fault.Kind);
        switch (fault?.Kind)
        {
            case FaultKind.DropBefore:
                _state.Requests.Complete(entry, null, null, faultName);
                context.Abort();
                return;
            case FaultKind.Throttle:
                response = service switch
                {
                    PersonalizeServiceName => PersonalizeService.Error("ThrottlingException", "Rate exceeded", requestId),
                    StsService.ServiceName => StsService.Error(400, "Throttling", "Rate exceeded", requestId),
                    _ => S3Service.ErrorResponse(new S3ErrorException(503, "SlowDown", "Please reduce your request rate."), requestId, request.Method == "HEAD"),
                };
                break;
            case FaultKind.Error500:
                response = service switch
                {
                    PersonalizeServiceName => PersonalizeService.Error("InternalFailure", "The request processing has failed because of an unknown error, exception or failure.", requestId, 500),
                    StsService.ServiceName => StsService.Error(500, "InternalFailure", "The request processing has failed because of an unknown error, exception or failure.", requestId),
                    _ => S3Service.ErrorResponse(new S3ErrorException(500, "InternalError", "We encountered an internal error. Please try again."), requestId, request.Method == "HEAD"),
                };
                break;
            case FaultKind.AccessDenied:
                response = AccessDenied(service, operation, region.Name, authorization, request, requestId);
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

        response ??= service switch
        {
            PersonalizeServiceName => await HandlePersonalizeAsync(operation, request, region.Name, requestId, aborted),
            StsService.ServiceName => StsService.Handle(request, Caller(authorization), requestId),
            _ => HandleS3(s3Route!, request, payload!, region, requestId),
        };

        if (fault?.Kind == FaultKind.DropAfter)
        {
            _state.Requests.Complete(entry, response.Status, response.ErrorCode, faultName);
            context.Abort();
            return;
        }

        _state.Requests.Complete(entry, response.Status, response.ErrorCode, faultName);
        await WriteAsync(context, response, service == S3ServiceName, requestId, aborted);
    }

    private async Task<FakeResponse> HandlePersonalizeAsync(string operation, IncomingRequest request, string region, string requestId, CancellationToken cancellationToken) =>
        _forwarder is null
            ? _personalize.Handle(operation == "Unknown" ? null : operation, request.Body, region, requestId)
            : await _forwarder.ForwardAsync(operation, region, request, cancellationToken);

    private FakeResponse HandleS3(S3Route route, IncomingRequest request, S3Payload payload, RequestRegion region, string requestId)
    {
        try
        {
            return _s3.Handle(route, request, payload, region);
        }
        catch (S3ErrorException e)
        {
            return S3Service.ErrorResponse(e, requestId, request.Method == "HEAD");
        }
    }

    private AwsCredential Caller(SigV4Authorization? authorization) =>
        authorization is not null && _state.Credentials.TryGet(authorization.AccessKeyId, out var credential) ? credential : FakeState.DefaultCredential;

    /// <summary>A missing IAM permission, worded as each service words it.</summary>
    private FakeResponse AccessDenied(string service, string operation, string region, SigV4Authorization? authorization, IncomingRequest request, string requestId)
    {
        var caller = Caller(authorization);
        return service switch
        {
            PersonalizeServiceName => PersonalizeService.Error(
                "AccessDeniedException",
                $"User: {caller.Identity} is not authorized to perform: personalize:{operation} on resource: arn:aws:personalize:{region}:{caller.Account}:* because no identity-based policy allows the personalize:{operation} action",
                requestId),
            StsService.ServiceName => StsService.Error(403, "AccessDenied", $"User: {caller.Identity} is not authorized to perform: sts:{operation}", requestId),
            _ => S3Service.ErrorResponse(S3ErrorException.AccessDenied(), requestId, request.Method == "HEAD"),
        };
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

    private async Task WriteAsync(HttpContext context, FakeResponse response, bool isS3, string requestId, CancellationToken cancellationToken)
    {
        var http = context.Response;
        http.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers)
        {
            http.Headers.Append(name, value);
        }

        // The Date header carries the fake's (possibly offset) clock: the SDK's clock-skew correction reads it.
        http.Headers.Date = _state.Clock.UtcNow.UtcDateTime.ToString("r", CultureInfo.InvariantCulture);
        if (isS3)
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
