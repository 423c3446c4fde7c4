using System.Collections.Generic;
using System.Threading;

namespace PersonalizeDeletion.Fake.Inspection;

/// <summary>Every service request the fake received, in arrival order.</summary>
public sealed class RequestLog
{
    private readonly object _gate = new();
    private readonly List<RequestLogEntry> _entries = new();
    private long _sequence;

    public long NextSequence() => Interlocked.Increment(ref _sequence);

    public void Add(RequestLogEntry entry)
    {
        lock (_gate)
        {
            _entries.Add(entry);
        }
    }

    /// <summary>Records the outcome; under the lock so a concurrent snapshot never sees half an update.</summary>
    public void Complete(RequestLogEntry entry, int? status, string? errorCode, string? fault)
    {
        lock (_gate)
        {
            entry.Status = status;
            entry.ErrorCode = errorCode;
            entry.Fault = fault;
        }
    }

    public void Identify(RequestLogEntry entry, string? accessKeyId, string? region)
    {
        lock (_gate)
        {
            entry.AccessKeyId = accessKeyId;
            entry.Region = region;
        }
    }

    /// <summary>Runs <paramref name="write"/> over the entries while holding the lock (for serialization).</summary>
    public void Read(System.Action<IReadOnlyList<RequestLogEntry>> write)
    {
        lock (_gate)
        {
            write(_entries);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }
}
