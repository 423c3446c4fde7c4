using System;
using System.Collections.Generic;
using PersonalizeDeletion.Requests;

namespace PersonalizeDeletion.Tests.Requests
{
    /// <summary>Records what a request reports; answers confirmations with <see cref="Answer"/>.</summary>
    internal sealed class RecordingReporter : IDeletionReporter
    {
        public bool ShowsUserIds { get; set; }

        /// <summary>The answer to each confirmation (target, action); may throw, as a host that cannot ask does.</summary>
        public Func<string, string, bool> Answer { get; set; } = (target, action) => true;

        public List<string> Verbose { get; } = new List<string>();

        public List<string> Debug { get; } = new List<string>();

        public List<string> Warnings { get; } = new List<string>();

        public List<RequestProblem> Problems { get; } = new List<RequestProblem>();

        public List<(string Target, string Action)> Confirmations { get; } = new List<(string Target, string Action)>();

        public List<DataDeletionJob> Jobs { get; } = new List<DataDeletionJob>();

        /// <summary>Each progress call as "Phase: status", and "Phase done".</summary>
        public List<string> Progress { get; } = new List<string>();

        void IDeletionReporter.Verbose(string message) => Verbose.Add(message);

        void IDeletionReporter.Debug(string message)
        {
            if (!ShowsUserIds)
            {
                throw new InvalidOperationException("A user ID went to the debug stream without -Debug.");
            }

            Debug.Add(message);
        }

        void IDeletionReporter.Warning(string message) => Warnings.Add(message);

        void IDeletionReporter.Progress(RequestPhase phase, string status) => Progress.Add(phase + ": " + status);

        void IDeletionReporter.ProgressDone(RequestPhase phase) => Progress.Add(phase + " done");

        void IDeletionReporter.Problem(RequestProblem problem) => Problems.Add(problem);

        bool IDeletionReporter.Confirm(string target, string action)
        {
            Confirmations.Add((target, action));
            return Answer(target, action);
        }

        void IDeletionReporter.Submitted(DataDeletionJob job) => Jobs.Add(job);
    }
}
