namespace PersonalizeDeletion.Fake.Faults;

/// <summary>What an injected fault does to a matching request.</summary>
public enum FaultKind
{
    /// <summary>Answer as the service does when throttling (Personalize ThrottlingException, S3 503 SlowDown).</summary>
    Throttle,

    /// <summary>Answer with the service's internal error (Personalize 500 InternalFailure, S3 500 InternalError).</summary>
    Error500,

    /// <summary>Do the work, so state changes happen, then abort the connection without a response.</summary>
    DropAfter,

    /// <summary>Abort the connection without doing anything.</summary>
    DropBefore,

    /// <summary>Wait, then answer normally.</summary>
    Delay,

    /// <summary>Refuse as a missing IAM permission would (Personalize AccessDeniedException, S3 403 AccessDenied, STS AccessDenied).</summary>
    AccessDenied,
}
