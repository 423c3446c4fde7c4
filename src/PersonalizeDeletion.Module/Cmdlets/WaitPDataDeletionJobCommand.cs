using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using PersonalizeDeletion.Assurance;
using PersonalizeDeletion.Aws;
using PersonalizeDeletion.Jobs;
using PersonalizeDeletion.Personalize;

namespace PersonalizeDeletion.Cmdlets
{
    /// <summary>
    /// <para type="synopsis">Waits until Amazon Personalize data deletion jobs finish, judges what each assures, and can write a receipt for each.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Wait, "PDataDeletionJob", DefaultParameterSetName = DefaultParameterSet, SupportsShouldProcess = true)]
    [OutputType(typeof(DataDeletionJob))]
    public sealed class WaitPDataDeletionJobCommand : PersonalizeCmdletBase
    {
        public const string DefaultParameterSet = "Default";
        private const int MaxJobProgressBars = 20;

        private readonly List<DataDeletionJob> _jobs = new List<DataDeletionJob>();
        private readonly HashSet<string> _seen = new HashSet<string>(StringComparer.Ordinal);
        private readonly LazyS3Client _s3;
        private JudgementReporter? _judgements;
        private string? _receiptFolder;

        // Once the service has answered, a connection that fails is a blip to wait out; before that, the endpoint is wrong.
        private bool _serviceAnswered;

        public WaitPDataDeletionJobCommand()
        {
            // Only -RemoveStagedData calls S3, and only then is a client made.
            _s3 = new LazyS3Client(GetSession);
        }

        [Parameter(ParameterSetName = DefaultParameterSet, Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("DataDeletionJobArn", "Arn")]
        [ArgumentCompleter(typeof(DataDeletionJobCompleter))]
        [ValidateNotNullOrEmpty]
        public string[] JobArn { get; set; } = Array.Empty<string>();

        /// <summary>Bound from piped job objects so each group's jobs are learned from one listing.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(DatasetGroupArnCompleter))]
        [ValidateNotNullOrEmpty]
        public string? DatasetGroupArn { get; set; }

        // What New-PDataDeletionJob reported about its jobs, carried through to the output (the service does
        // not know these counts): hidden, bound from piped job objects only.
        [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true)]
        public long? UserCount { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true)]
        public long? DuplicateCount { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true)]
        public long? RejectedCount { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true)]
        public string? StagedObject { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true)]
        public string? StagedSha256 { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true, DontShow = true)]
        public long? StagedBytes { get; set; }

        /// <summary>Seconds to wait at most; by default the wait has no limit (jobs can run for a day).</summary>
        [Parameter]
        [ValidateSeconds(1, MaxTimeoutSeconds, "Leave -Timeout out to wait until every job finishes, however long that takes.")]
        public int Timeout { get; set; }

        [Parameter]
        [ValidateSeconds(1, 86400, "A deletion job takes minutes to hours; polling once a minute or less often is plenty.")]
        public int PollInterval { get; set; } = 30;

        // A week: far beyond a day-long job; the help states the bound.
        private const int MaxTimeoutSeconds = 604800;

        [Parameter]
        public SwitchParameter Any { get; set; }

        [Parameter]
        public SwitchParameter RemoveStagedData { get; set; }

        /// <summary>A folder to write one receipt per job output to, <c>&lt;JobName&gt;.receipt.json</c>.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? ReceiptPath { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (ReceiptPath is not null)
            {
                // Checked before the wait, which can take a day: a runbook must not learn at the end that it has nowhere to write.
                string? folder = null;
                ProviderInfo? provider = null;
                try
                {
                    folder = SessionState.Path.GetUnresolvedProviderPathFromPSPath(ReceiptPath, out provider, out _);
                }
                catch (Exception unknown) when (unknown is DriveNotFoundException || unknown is ProviderNotFoundException || unknown is ItemNotFoundException)
                {
                    // A drive or provider that does not exist is a folder that does not exist.
                }

                if (folder is null || provider?.Name != "FileSystem" || !System.IO.Directory.Exists(folder))
                {
                    ThrowTerminatingError(ErrorRecordFactory.Create(ErrorIds.ReceiptPathNotFound,
                        new ItemNotFoundException($"-ReceiptPath '{ReceiptPath}' is not an existing folder of the file system. Create it first (New-Item -ItemType Directory)."), ReceiptPath));
                }

                _receiptFolder = folder;
            }
        }

        protected override void ProcessRecord()
        {
            foreach (string text in JobArn)
            {
                if (!PersonalizeArn.TryParse(text, PersonalizeArn.DataDeletionJobResourceType, out PersonalizeArn? arn))
                {
                    WriteError(ErrorRecordFactory.InvalidJobArn(text));
                    continue;
                }

                if (DatasetGroupArn is not null && !PersonalizeArn.TryParse(DatasetGroupArn, PersonalizeArn.DatasetGroupResourceType, out _))
                {
                    WriteError(ErrorRecordFactory.InvalidDatasetGroupArn(DatasetGroupArn));
                    continue;
                }

                // Like Wait-Job: the same job piped twice is waited for (and output) once.
                if (_seen.Add(text))
                {
                    _jobs.Add(new DataDeletionJob
                    {
                        JobArn = text,
                        JobName = arn!.Name,
                        Region = arn.Region,
                        DatasetGroupArn = DatasetGroupArn,
                        UserCount = UserCount,
                        DuplicateCount = DuplicateCount,
                        RejectedCount = RejectedCount,
                        StagedObject = StagedObject,
                        StagedSha256 = StagedSha256,
                        StagedBytes = StagedBytes,
                    });
                }
            }
        }

        protected override void EndProcessing()
        {
            if (_jobs.Count == 0)
            {
                return;
            }

            try
            {
                Wait();
                _judgements?.Complete();
                if (RemoveStagedData)
                {
                    RemoveStagedDataOfCompletedJobs();
                }
            }
            catch (AwsConfigurationException configuration)
            {
                ThrowTerminatingError(ToErrorRecord(configuration, null));
            }
        }

        private void Wait()
        {
            AwsSession session = GetSession();
            var waiter = new DataDeletionJobWaiter(_jobs, region => GetPersonalizeClient(region));
            _judgements = new JudgementReporter(this, receipts: false, _receiptFolder);
            var judge = new WaitJudge(_judgements.Session);
            var schedule = new PollSchedule(TimeSpan.FromSeconds(PollInterval));
            var clock = Stopwatch.StartNew();
            TimeSpan? limit = Timeout > 0 ? TimeSpan.FromSeconds(Timeout) : (TimeSpan?)null;
            var overall = new ProgressRecord(1, "Wait-PDataDeletionJob", "Waiting for data deletion jobs");
            int round = 0;
            string regions = string.Join(", ", _jobs.Select(job => job.Region ?? session.Region).Distinct(StringComparer.Ordinal));
            WriteVerbose($"Waiting for {_jobs.Count} data deletion job(s) in {regions} (the regions of their ARNs); polling every {PollInterval} s{(limit is null ? string.Empty : $", for at most {Timeout} s")}.");

            try
            {
                while (true)
                {
                    round++;
                    int polled = waiter.Unfinished.Count();
                    PollRound result = Await(token => waiter.PollAsync(token));
                    WriteVerbose($"Poll round {round}: {result.ListCalls} list call(s), {result.DescribeCalls} describe call(s); {waiter.FinishedCount} of {_jobs.Count} finished.");
                    if (result.Throttled)
                    {
                        schedule.Throttled();
                        WriteVerbose($"Throttled; polling every {schedule.Current.TotalSeconds:0} s for now.");
                    }
                    else
                    {
                        schedule.Succeeded();
                    }

                    _serviceAnswered |= result.Failures.Count(failure => failure.Value is PersonalizeClientException) < polled;
                    ReportFailures(waiter, result);
                    Emit(Await(token => judge.ReleaseAsync(result.NewlyFinished, waiter.Unfinished, token)));

                    ShowProgress(overall, waiter, clock.Elapsed);
                    if (waiter.IsDone || (Any && waiter.FinishedCount > 0))
                    {
                        Emit(Await(token => judge.ReleaseAllAsync(Array.Empty<DataDeletionJob>(), token)));
                        return;
                    }

                    TimeSpan delay = schedule.NextDelay();
                    if (limit is TimeSpan max)
                    {
                        TimeSpan left = max - clock.Elapsed;
                        if (left <= TimeSpan.Zero)
                        {
                            TimedOut(waiter, judge, max);
                            return;
                        }

                        if (delay > left)
                        {
                            delay = left;
                        }
                    }

                    SleepWithProgress(delay, overall, waiter, clock);
                }
            }
            finally
            {
                CompleteProgress(overall, waiter);
            }
        }

        /// <summary>
        /// Outputs judged jobs: a FAILED one also as the error DataDeletionJobFailed, so -ErrorAction Stop fails a runbook.
        /// </summary>
        private void Emit(AssuranceJudgement judgement)
        {
            foreach (DataDeletionJob job in _judgements!.Show(judgement))
            {
                WriteObject(JudgementReporter.AsJudged(job));
                if (string.Equals(job.Status, DataDeletionJob.StatusFailed, StringComparison.OrdinalIgnoreCase))
                {
                    WriteError(ErrorRecordFactory.Create(ErrorIds.DataDeletionJobFailed, ErrorCategory.InvalidResult, new DataDeletionJobFailedException(job), job));
                }
            }
        }

        /// <summary>
        /// Deletes the CSVs New-PDataDeletionJob staged whose deletion is done, as the engine's
        /// <see cref="StagedDataRemover"/> decides (never one a job still has to read); asks per object under
        /// -WhatIf and -Confirm. A data location the user gave is their data, never ours to delete.
        /// </summary>
        private void RemoveStagedDataOfCompletedJobs()
        {
            var remover = new StagedDataRemover(owner => _s3.Inspector(owner), region => GetPersonalizeClient(region));
            IReadOnlyList<StagedDataDecision> decisions = Await(token => remover.DecideAsync(_jobs, token));
            foreach (StagedDataDecision decision in decisions)
            {
                if (decision.Failure is not null)
                {
                    WriteError(StagedDataNotRemoved(decision.Uri, decision.JobName, decision.Failure));
                    continue;
                }

                if (!decision.Remove)
                {
                    WriteVerbose($"{decision.Uri} is kept: {decision.Reason}");
                    continue;
                }

                if (!ShouldProcess(decision.Uri, $"Remove the staged user IDs of data deletion job {decision.JobName}"))
                {
                    continue;
                }

                try
                {
                    Await(token => remover.RemoveAsync(decision, token));
                    WriteVerbose($"Removed the staged user IDs {decision.Uri}: {decision.Reason}");
                }
                catch (Exception failure) when (!(failure is PipelineStoppedException))
                {
                    WriteError(StagedDataNotRemoved(decision.Uri, decision.JobName, failure));
                }
            }
        }

        private static ErrorRecord StagedDataNotRemoved(string uri, string? jobName, Exception failure) =>
            ErrorRecordFactory.Create(ErrorIds.StagedDataNotRemoved, ErrorCategory.WriteError,
                new InvalidOperationException($"Could not remove {uri}, the staged user IDs of {jobName}: {failure.Message}", failure), uri);

        protected override void Dispose(bool disposing)
        {
            _s3.Dispose();
            _judgements?.Dispose();
            base.Dispose(disposing);
        }

        /// <summary>
        /// A job that does not exist is that job's error. Rejected credentials or denied access would fail every later
        /// round too, and an endpoint that never answered is the wrong one: those end the wait. Anything else (a
        /// connection dropped after the service had answered, a 5xx after the SDK's retries) is waited out.
        /// </summary>
        private void ReportFailures(DataDeletionJobWaiter waiter, PollRound result)
        {
            foreach (KeyValuePair<DataDeletionJob, Exception> failure in result.Failures)
            {
                if (failure.Value is ResourceNotFoundException notFound)
                {
                    waiter.Abandon(failure.Key);
                    WriteError(ErrorRecordFactory.Create(ErrorIds.DataDeletionJobNotFound, ErrorCategory.ObjectNotFound,
                        new ItemNotFoundException($"No data deletion job '{failure.Key.JobName}' exists ({failure.Key.JobArn}).", notFound),
                        failure.Key.JobArn));
                    continue;
                }

                ErrorRecord record = ToErrorRecord(failure.Value, failure.Key.JobArn);
                bool unreachable = record.CategoryInfo.Category == ErrorCategory.ConnectionError;
                if (EndsTheCommand(record) && (!unreachable || !_serviceAnswered))
                {
                    ThrowTerminatingError(record);
                }

                WriteVerbose($"Could not learn the state of {failure.Key.JobName} this round: {failure.Value.Message}");
            }
        }

        private void TimedOut(DataDeletionJobWaiter waiter, WaitJudge judge, TimeSpan limit)
        {
            List<DataDeletionJob> unfinished = waiter.Unfinished.ToList();
            Emit(Await(token => judge.ReleaseAllAsync(unfinished, token)));

            string states = string.Join(", ", unfinished.Select(job => $"{job.JobName} {job.Status ?? "UNKNOWN"}"));
            WriteError(ErrorRecordFactory.Create(ErrorIds.WaitTimedOut, ErrorCategory.OperationTimeout,
                new TimeoutException($"{unfinished.Count} of {_jobs.Count} data deletion job(s) did not finish within {limit.TotalSeconds:0} s: {states}."),
                unfinished.ToArray()));
        }

        private void SleepWithProgress(TimeSpan delay, ProgressRecord overall, DataDeletionJobWaiter waiter, Stopwatch clock)
        {
            // Wake at least once a second to keep the elapsed time moving; Sleep returns at once on Ctrl+C.
            TimeSpan step = TimeSpan.FromSeconds(1);
            var until = clock.Elapsed + delay;
            while (clock.Elapsed < until)
            {
                TimeSpan left = until - clock.Elapsed;
                Sleep(left < step ? left : step);
                ShowOverall(overall, waiter, clock.Elapsed);
            }
        }

        private void ShowProgress(ProgressRecord overall, DataDeletionJobWaiter waiter, TimeSpan elapsed)
        {
            ShowOverall(overall, waiter, elapsed);
            int index = 0;
            foreach (DataDeletionJob job in waiter.Jobs.Take(MaxJobProgressBars))
            {
                index++;
                var line = new ProgressRecord(1 + index, job.JobName ?? job.JobArn ?? "job", job.Status ?? "UNKNOWN")
                {
                    ParentActivityId = 1,
                    PercentComplete = job.IsFinished ? 100 : -1,
                };
                WriteProgress(line);
            }
        }

        private void ShowOverall(ProgressRecord overall, DataDeletionJobWaiter waiter, TimeSpan elapsed)
        {
            overall.StatusDescription = $"{waiter.FinishedCount} of {_jobs.Count} finished, elapsed {elapsed:hh\\:mm\\:ss}";
            overall.PercentComplete = _jobs.Count == 0 ? 100 : (int)(100L * waiter.FinishedCount / _jobs.Count);
            WriteProgress(overall);
        }

        private void CompleteProgress(ProgressRecord overall, DataDeletionJobWaiter waiter)
        {
            int index = 0;
            foreach (DataDeletionJob job in waiter.Jobs.Take(MaxJobProgressBars))
            {
                index++;
                WriteProgress(new ProgressRecord(1 + index, job.JobName ?? "job", "Done") { ParentActivityId = 1, RecordType = ProgressRecordType.Completed });
            }

            overall.RecordType = ProgressRecordType.Completed;
            WriteProgress(overall);
        }
    }
}
