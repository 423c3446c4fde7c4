using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace PersonalizeDeletion.Assurance
{
    /// <summary>
    /// Judges the jobs of one wait a dataset group at a time. The session reads a group once per command, so that read
    /// must come when the group's jobs have all finished: a FAILED job needs no read and is released at once; a
    /// COMPLETED one is held until no job of its group in the wait is still running, and then the group's held jobs
    /// are judged together. Each released job carries its judgement (<see cref="DataDeletionJob.Assurance"/> and the
    /// findings behind it).
    /// </summary>
    internal sealed class WaitJudge
    {
        private readonly AssuranceSession _session;
        private readonly List<DataDeletionJob> _held = new List<DataDeletionJob>();

        public WaitJudge(AssuranceSession session)
        {
            _session = session ?? throw new ArgumentNullException(nameof(session));
        }

        /// <param name="finished">The jobs that finished in this round.</param>
        /// <param name="running">The wait's jobs still running (not those it gave up on).</param>
        /// <returns>The jobs to output now, judged, in the order they finished.</returns>
        public Task<AssuranceJudgement> ReleaseAsync(IEnumerable<DataDeletionJob> finished, IEnumerable<DataDeletionJob> running, CancellationToken cancellationToken)
        {
            var release = new List<DataDeletionJob>();
            foreach (DataDeletionJob job in finished)
            {
                if (string.Equals(job.Status, DataDeletionJob.StatusFailed, StringComparison.OrdinalIgnoreCase))
                {
                    release.Add(job);
                }
                else
                {
                    _held.Add(job);
                }
            }

            // A running job whose group is not known yet (its first Describe was not answered) may be of any group: until
            // it is known, every completed job is held, so no group is read before all of its jobs have finished.
            var busy = new HashSet<string>(StringComparer.Ordinal);
            bool unknownGroupRunning = false;
            foreach (DataDeletionJob job in running)
            {
                if (job.DatasetGroupArn is null)
                {
                    unknownGroupRunning = true;
                }
                else
                {
                    busy.Add(job.DatasetGroupArn);
                }
            }

            List<DataDeletionJob> settled = _held.Where(job => job.DatasetGroupArn is null || (!unknownGroupRunning && !busy.Contains(job.DatasetGroupArn))).ToList();
            _held.RemoveAll(settled.Contains);
            release.AddRange(settled);
            return JudgeAsync(release, cancellationToken);
        }

        /// <summary>
        /// The wait ends (every job finished, -Any, or the time is up): the jobs still held, then <paramref name="alsoJudge"/>
        /// (the unfinished jobs a timeout outputs, judged Unfinished with the work that overlapped them so far).
        /// </summary>
        public Task<AssuranceJudgement> ReleaseAllAsync(IEnumerable<DataDeletionJob> alsoJudge, CancellationToken cancellationToken)
        {
            var release = new List<DataDeletionJob>(_held);
            _held.Clear();
            release.AddRange(alsoJudge);
            return JudgeAsync(release, cancellationToken);
        }

        private Task<AssuranceJudgement> JudgeAsync(List<DataDeletionJob> jobs, CancellationToken cancellationToken) =>
            _session.JudgeAsync(jobs, cancellationToken);
    }
}
