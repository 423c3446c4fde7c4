using System.Collections.Generic;
using System.Linq;

namespace PersonalizeDeletion.Fake.Faults;

/// <summary>Holds the fault rules and decides, call by call, which one fires.</summary>
public sealed class FaultInjector
{
    private readonly object _gate = new();
    private readonly List<FaultRule> _rules = new();

    public void Add(FaultRule rule)
    {
        lock (_gate)
        {
            _rules.Add(rule);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    /// <summary>
    /// Counts the call against every matching rule and returns the first rule that fires, if any.
    /// Every matching rule counts the call, so "every K-th" stays exact with several rules in place.
    /// </summary>
    public FaultRule? Next(string service, string operation)
    {
        lock (_gate)
        {
            FaultRule? firing = null;
            foreach (var rule in _rules.Where(r => r.Matches(service, operation)))
            {
                if (rule.Count != -1 && rule.Fired >= rule.Count)
                {
                    continue;
                }

                rule.Matched++;
                if (firing is null && rule.Matched % rule.Every == 0)
                {
                    rule.Fired++;
                    firing = rule;
                }
            }

            return firing;
        }
    }
}
