using System;
using System.Collections.Generic;
using System.Linq;

namespace PersonalizeDeletion.Fake.Personalize.Resources;

/// <summary>
/// The seeded solutions, solution versions, campaigns, dataset import jobs, batch jobs and recommenders, each
/// in the region of its dataset group, listed and described as the service does (newest first, paged, only in
/// the caller's region).
/// </summary>
public sealed class ResourceCatalog
{
    private readonly object _gate = new();
    private readonly Dictionary<string, SeededResource> _resources = new(StringComparer.Ordinal);

    /// <summary>Adds the resource, or replaces the one with the same ARN.</summary>
    public void Upsert(SeededResource resource)
    {
        lock (_gate)
        {
            if (_resources.TryGetValue(resource.Arn, out var existing) && existing.Kind != resource.Kind)
            {
                throw new ArgumentException($"{resource.Arn} is already a {existing.Kind.Name}.");
            }

            _resources[resource.Arn] = resource;
        }
    }

    public SeededResource? Find(string arn)
    {
        lock (_gate)
        {
            return _resources.GetValueOrDefault(arn);
        }
    }

    /// <summary>The resource of <paramref name="kind"/> with this ARN in <paramref name="region"/>, else ResourceNotFoundException.</summary>
    public SeededResource Describe(ResourceKind kind, string region, string arn)
    {
        lock (_gate)
        {
            return _resources.TryGetValue(arn, out var found) && found.Kind == kind && found.Region == region
                ? found
                : throw PersonalizeErrorException.NotFound(arn);
        }
    }

    /// <summary>The newest version of a solution, as DescribeSolution reports it in latestSolutionVersion.</summary>
    public SeededResource? LatestVersion(string solutionArn)
    {
        lock (_gate)
        {
            return _resources.Values
                .Where(r => r.Kind == ResourceKind.SolutionVersion && r.ParentArn == solutionArn)
                .OrderByDescending(r => r.CreationDateTime)
                .ThenBy(r => r.Arn, StringComparer.Ordinal)
                .FirstOrDefault();
        }
    }

    /// <summary>One page of the kind's listing in <paramref name="region"/>, filtered by the kind's parent ARN when given.</summary>
    public (IReadOnlyList<SeededResource> Items, string? NextToken) List(ResourceKind kind, string region, string? parentArn, string? nextToken, int maxResults)
    {
        lock (_gate)
        {
            var matching = _resources.Values.Where(r => r.Kind == kind && r.Region == region && (parentArn is null || r.ParentArn == parentArn));
            return Paging.Page(matching, r => r.CreationDateTime, r => r.Arn, kind.ListMember, parentArn ?? region, nextToken, maxResults);
        }
    }

    public IReadOnlyList<SeededResource> All()
    {
        lock (_gate)
        {
            return _resources.Values.OrderBy(r => r.Kind.Name, StringComparer.Ordinal).ThenBy(r => r.Arn, StringComparer.Ordinal).ToList();
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _resources.Clear();
        }
    }
}
