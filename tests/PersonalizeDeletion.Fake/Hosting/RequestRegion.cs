namespace PersonalizeDeletion.Fake.Hosting;

/// <summary>
/// The region a request is for. On a region's own listener it is that listener's region (the endpoint's
/// region, as on AWS); on the shared listener, where one URL serves every region, it is the region the
/// request was signed for.
/// </summary>
/// <param name="Name">The region, e.g. eu-west-1.</param>
/// <param name="FromEndpoint">True when the request came in on a region's own listener.</param>
public sealed record RequestRegion(string Name, bool FromEndpoint);
