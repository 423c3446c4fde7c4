namespace PersonalizeDeletion.Fake.Signing;

/// <summary>Why a request's signature was refused; each service words and codes these differently.</summary>
public enum SigV4FailureKind
{
    None,
    MissingAuthentication,
    MalformedAuthorization,
    UnknownAccessKey,
    InvalidSessionToken,
    WrongService,
    RequestTimeTooSkewed,
    SignatureMismatch,
}
