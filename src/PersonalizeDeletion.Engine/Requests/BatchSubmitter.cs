using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using PersonalizeDeletion.Assurance;
using PersonalizeDeletion.Jobs;
using PersonalizeDeletion.Personalize;
using PersonalizeDeletion.Staging;

namespace PersonalizeDeletion.Requests
{
    /// <summary>
    /// The end of a batch's story: each dataset group is checked for work in progress that voids a deletion's
    /// guarantee (once per command), then its jobs are named, confirmed and submitted exactly once (waiting out the
    /// PENDING quota, and going again under the next name when an earlier attempt FAILED), each reported as it is
    /// created, and staged data no job reads is removed.
    /// </summary>
    internal sealed class BatchSubmitter
    {
        internal const string NothingCameIn = "No user IDs, files or data locations came in; nothing was submitted.";

        // Attempts of one request whose earlier jobs FAILED (the names end -2 ... -5); after that a person should look.
        private const int MaxAttempts = 5;

        private static readonly TimeSpan FirstQuotaRetry = TimeSpan.FromSeconds(1);
        private static readonly TimeSpan MaxQuotaRetry = TimeSpan.FromSeconds(30);

        private readonly RequestContext _context;

        // One assurance session per AWS connection, and one check per connection and dataset group: a command that
        // sends several batches to a group looks at the group once.
        private readonly Dictionary<string, AssuranceSession> _sessions = new Dictionary<string, AssuranceSession>(StringComparer.Ordinal);
        private readonly Dictionary<string, ConcurrentActivityCheck> _checks = new Dictionary<string, ConcurrentActivityCheck>(StringComparer.Ordinal);
        private DeletionBatch? _current;

        public BatchSubmitter(RequestContext context)
        {
            _context = context;
        }

        private IDeletionReporter Reporter => _context.Reporter;

        public void Submit(DeletionBatch batch)
        {
            var units = new List<DataUnit>();
            units.AddRange(batch.Staged.Select(item => new DataUnit(item.Uri, item.ContentSha256, item.UserCount, item)));

            // A caller's location is known by what it holds as well as where: a list overwritten at the same key
            // (a daily file) is new users, and must not be taken for the job that read yesterday's.
            units.AddRange(batch.Locations.Select(known => new DataUnit(known.Location.ToString(), known.Location + "\n" + known.Content, null, null)));

            UserIdIntake? intake = batch.Intake;
            if (intake is not null)
            {
                Reporter.Verbose($"{intake.Received} user ID(s) received: {intake.Accepted} to submit, {intake.Duplicates} duplicate(s) submitted once, {intake.Rejected} rejected.");
                if (intake.Accepted == 0 && batch.Locations.Count == 0)
                {
                    Reporter.Warning($"None of the {intake.Received} user ID(s) could be submitted; no job was created.");
                    return;
                }
            }
            else if (units.Count == 0)
            {
                Reporter.Warning(NothingCameIn);
                batch.Finished = true;
                return;
            }

            // Before anything is confirmed, so the warning is read before the prompt (and under -WhatIf).
            var activity = batch.Groups.ToDictionary(group => group.Text, group => CheckConcurrentActivity(batch, group), StringComparer.Ordinal);
            if (_context.Options.WhatIf)
            {
                ReportWhatIf(batch, units);
                return;
            }

            foreach (PlannedJob job in Plan(batch, units))
            {
                if (!Reporter.Confirm(batch.Describe(job.Group), $"Delete {job.Users} (data deletion job {job.Name})"))
                {
                    continue;
                }

                DataDeletionJob? created = SubmitOne(batch, job);
                if (created is null)
                {
                    continue;
                }

                DataUnit unit = job.Unit;
                if (unit.Staged is not null && string.Equals(created.DataLocation, unit.Location, StringComparison.Ordinal))
                {
                    batch.Used.Add(unit.Staged);
                }

                if (unit.Staged is not null)
                {
                    created.UserCount = unit.UserCount;
                    created.DuplicateCount = intake?.Duplicates;
                    created.RejectedCount = intake?.Rejected;
                    created.StagedObject = created.DataLocation;
                    created.StagedSha256 = unit.Staged.ContentSha256;
                    created.StagedBytes = unit.Staged.Bytes;
                }

                created.ConcurrentActivity = activity[job.Group.Text].InProgress;

                Reporter.Submitted(created);
            }

            // Staged data no job reads (declined, failed, or an earlier identical job) is personal data with no
            // purpose: remove it.
            foreach (StagedObject orphan in batch.Staged.Where(item => !batch.Used.Contains(item)))
            {
                RemoveUnread(batch, orphan);
            }

            batch.Finished = true;
        }

        /// <summary>
        /// The group's work in progress now (training, imports, batch jobs, recommenders), warned about by kind, name and
        /// status; a check that could not be made warns with the permission it needs and is null. Never fails the request.
        /// </summary>
        private ConcurrentActivityCheck CheckConcurrentActivity(DeletionBatch batch, PersonalizeArn group)
        {
            string connection = batch.Target.ConnectionKey;
            string key = connection + "\u001f" + group.Text;
            if (_checks.TryGetValue(key, out ConcurrentActivityCheck? known))
            {
                return known;
            }

            _current = batch;
            if (!_sessions.TryGetValue(connection, out AssuranceSession? session))
            {
                // A session outlives the batch that made it: it calls through the batch being submitted.
                session = new AssuranceSession(region => _current!.Services.Personalize(region));
                _sessions.Add(connection, session);
            }

            ConcurrentActivityCheck check = _context.Run(token => session.CheckConcurrentActivityAsync(group.Text, token));
            foreach (AssuranceProblem problem in check.Problems)
            {
                Reporter.Warning(problem.Message);
            }

            if (AssuranceWarnings.InProgress(check) is string warning)
            {
                Reporter.Warning(warning);
            }
            else if (check.InProgress is not null)
            {
                Reporter.Verbose($"Dataset group {batch.GroupName(group)}: no training, import, batch job or recommender in progress.");
            }

            _checks.Add(key, check);
            return check;
        }

        /// <summary>One job per data unit and dataset group, named before any is submitted.</summary>
        private List<PlannedJob> Plan(DeletionBatch batch, List<DataUnit> units)
        {
            string? jobName = _context.Options.JobName;
            int total = units.Count * batch.Groups.Count;
            var jobs = new List<PlannedJob>(total);
            foreach (DataUnit unit in units)
            {
                foreach (PersonalizeArn group in batch.Groups)
                {
                    Func<int, string>? attemptName = jobName is null ? attempt => JobNamer.Derive(group.Text, batch.Target.RoleArn, unit.Identity, attempt) : null;
                    string name = attemptName?.Invoke(1) ?? JobNamer.Numbered(jobName!, jobs.Count + 1, total);
                    jobs.Add(new PlannedJob(unit, group, name, attemptName));
                }
            }

            return jobs;
        }

        private void ReportWhatIf(DeletionBatch batch, List<DataUnit> units)
        {
            long users = batch.Intake?.Accepted ?? 0;
            int maxUsers = _context.Options.MaxUsersPerJob;
            foreach (PersonalizeArn group in batch.Groups)
            {
                string target = batch.Describe(group);
                if (users > 0)
                {
                    // -MaxUsersPerJob splits the users into several files and jobs; say so (the 50 MB split is left
                    // out: nothing is written under -WhatIf, so the file sizes are not known).
                    string split = maxUsers > 0 && users > maxUsers
                        ? $" in {(users + maxUsers - 1) / maxUsers} jobs of at most {maxUsers} users"
                        : string.Empty;
                    Reporter.Confirm(target, $"Delete {users} user(s) staged under {batch.Staging}{split} ({batch.Intake!.Duplicates} duplicate(s) submitted once, {batch.Intake.Rejected} rejected)");
                }

                foreach (DataUnit unit in units.Where(item => item.Staged is null))
                {
                    Reporter.Confirm(target, $"Delete the users listed at {unit.Location}");
                }
            }
        }

        private DataDeletionJob? SubmitOne(DeletionBatch batch, PlannedJob job)
        {
            PersonalizeArn group = job.Group;
            DataUnit unit = job.Unit;
            var input = new CreateDataDeletionJobInput(job.Name, group.Text, unit.Location, batch.Target.RoleArn, _context.Options.Tags);
            int attempt = 1;
            var submitter = new DataDeletionJobSubmitter(batch.Services.Personalize(group.Region));
            Func<string, CancellationToken, Task<bool>>? sameData = null;
            if (unit.Staged is StagedObject stagedObject)
            {
                IDataLocationInspector inspector = batch.Services.Inspector(batch.ExpectedBucketOwner);
                sameData = (location, token) => inspector.HoldsSameDataAsync(location, stagedObject, token);
            }

            TimeSpan retry = FirstQuotaRetry;
            bool waited = false;
            try
            {
                while (true)
                {
                    SubmissionOutcome outcome;

                    // While the Create is out, the staged object counts as read: a Ctrl+C or a lost answer may leave
                    // a job that reads it, and removing it would make that job fail with its users not deleted. It
                    // stops counting only once an answer says no job of this call reads it.
                    bool marked = unit.Staged is not null && batch.Used.Add(unit.Staged);
                    void NotRead()
                    {
                        if (marked)
                        {
                            batch.Used.Remove(unit.Staged!);
                        }
                    }

                    try
                    {
                        outcome = _context.Run(token => submitter.SubmitAsync(input, job.AttemptName is not null, sameData, token));
                    }
                    catch (JobNameInUseException inUse)
                    {
                        NotRead();
                        Reporter.Problem(new RequestProblem(ErrorIds.JobNameInUse, inUse, input.JobName));
                        return null;
                    }
                    catch (JobOutcomeUnknownException unknown)
                    {
                        _context.Cancellation.ThrowIfCancellationRequested();
                        string kept = unit.Staged is null ? string.Empty : $" The staged user IDs at {unit.Location} are kept for it.";
                        Reporter.Problem(new RequestProblem(ErrorIds.DataDeletionJobOutcomeUnknown,
                            new InvalidOperationException($"{unknown.Message}{kept} Run the same command again: it returns the job if it was created, and creates it if not (Get-PDataDeletionJob -JobArn {unknown.JobArn} also tells).", unknown),
                            input.JobName));
                        return null;
                    }
                    catch (Exception failure) when (failure is PersonalizeServiceException || failure is PersonalizeClientException)
                    {
                        NotRead();
                        Reporter.Problem(new RequestProblem(ErrorIds.DataDeletionJobNotCreated, failure, input.JobName));
                        return null;
                    }
                    catch
                    {
                        // The Create was answered (stopped while an existing job was being looked at).
                        NotRead();
                        throw;
                    }

                    if (!string.Equals(outcome.Job?.DataLocation, unit.Location, StringComparison.Ordinal))
                    {
                        // Refused for the quota, or an earlier job (which reads other data) holds the name.
                        NotRead();
                    }

                    switch (outcome.Status)
                    {
                        case SubmissionStatus.Created:
                            Reporter.Verbose($"Created data deletion job {input.JobName} for {group.Text}{(outcome.Message is null ? string.Empty : $" ({outcome.Message})")}.");
                            return DataDeletionJob.FromService(outcome.Job!, group.Region);

                        case SubmissionStatus.AlreadySubmitted:
                            Reporter.Warning($"Data deletion job {input.JobName} was already submitted ({outcome.Message}); returning it instead of deleting twice. To submit again on purpose, give a new -JobName.");
                            return DataDeletionJob.FromService(outcome.Job!, group.Region);

                        case SubmissionStatus.EarlierAttemptFailed:
                            // The same users, submitted before under this name, were not deleted: go again under the next name.
                            if (job.AttemptName is null || attempt >= MaxAttempts)
                            {
                                Reporter.Problem(new RequestProblem(ErrorIds.JobNameInUse,
                                    JobNameInUseException.Failed(input.JobName, outcome.Job!.DataDeletionJobArn ?? input.JobName, outcome.Message), input.JobName));
                                return null;
                            }

                            attempt++;
                            string next = job.AttemptName(attempt);
                            Reporter.Warning($"Data deletion job {input.JobName} for these same users FAILED ({outcome.Message ?? "no reason given"}), so they were not deleted; submitting them again as {next}.");
                            input = new CreateDataDeletionJobInput(next, group.Text, unit.Location, batch.Target.RoleArn, _context.Options.Tags);
                            break;

                        default:
                            // At most five deletion jobs may be PENDING per dataset group: wait for one to start.
                            waited = true;
                            Reporter.Verbose($"Dataset group {batch.GroupName(group)} is at its PENDING job limit ({outcome.Message}); retrying in {retry.TotalSeconds:0} s.");
                            Reporter.Progress(RequestPhase.WaitingForQuota, $"Dataset group {batch.GroupName(group)} is at the limit of 5 PENDING jobs; trying again in {retry.TotalSeconds:0} s (Ctrl+C stops)");
                            _context.Run(token => _context.Clock.DelayAsync(retry, token));
                            retry = TimeSpan.FromSeconds(Math.Min(retry.TotalSeconds * 2, MaxQuotaRetry.TotalSeconds));
                            break;
                    }
                }
            }
            finally
            {
                if (waited)
                {
                    Reporter.ProgressDone(RequestPhase.WaitingForQuota);
                }
            }
        }

        private void RemoveUnread(DeletionBatch batch, StagedObject item)
        {
            try
            {
                IDataLocationInspector inspector = batch.Services.Inspector(batch.ExpectedBucketOwner);
                _context.Run(token => inspector.DeleteAsync(item.Bucket, item.Key, token));
                Reporter.Verbose($"Removed {item.Uri}: no job reads it.");
            }
            catch (Exception failure) when (!(failure is OperationCanceledException && _context.Cancellation.IsCancellationRequested))
            {
                Reporter.Warning($"Could not remove {item.Uri}, which no job reads: {failure.Message}");
            }
        }

        /// <summary>One job to submit: what it reads, where, and its name (and, for derived names, each attempt's).</summary>
        private sealed class PlannedJob
        {
            public PlannedJob(DataUnit unit, PersonalizeArn group, string name, Func<int, string>? attemptName)
            {
                Unit = unit;
                Group = group;
                Name = name;
                AttemptName = attemptName;
            }

            public DataUnit Unit { get; }

            public PersonalizeArn Group { get; }

            public string Name { get; }

            public Func<int, string>? AttemptName { get; }

            public string Users => Unit.UserCount is long count ? $"{count} user(s)" : $"the users listed at {Unit.Location}";
        }
    }
}
