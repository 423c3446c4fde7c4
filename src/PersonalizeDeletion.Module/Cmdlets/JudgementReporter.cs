using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using PersonalizeDeletion.Assurance;

namespace PersonalizeDeletion.Cmdlets
{
    /// <summary>
    /// What Wait-PDataDeletionJob and Get-PDataDeletionJob -Detailed make of judged jobs: a warning for each check that
    /// could not be made and for each job that calls for one, the receipt (on the job, and with -ReceiptPath as a
    /// file), and at the end the one summary of the work the jobs leave to do.
    /// </summary>
    /// <remarks>Its own type, so the cmdlet classes PowerShell reflects over at import name no engine type.</remarks>
    internal sealed class JudgementReporter : IDisposable
    {
        private readonly PersonalizeCmdletBase _cmdlet;
        private readonly bool _receipts;
        private readonly string? _receiptFolder;
        private readonly FollowUpSummary _summary = new FollowUpSummary();
        private StsCallerIdentityReader? _identity;
        private bool _identityAsked;
        private string? _callerArn;

        /// <param name="cmdlet">The command: its Personalize clients, session and streams.</param>
        /// <param name="receipts">True to give each job its <see cref="DataDeletionJob.Receipt"/>.</param>
        /// <param name="receiptFolder">An existing folder to write each receipt to, or null.</param>
        public JudgementReporter(PersonalizeCmdletBase cmdlet, bool receipts, string? receiptFolder)
        {
            _cmdlet = cmdlet;
            _receipts = receipts || receiptFolder is not null;
            _receiptFolder = receiptFolder;
            Session = new AssuranceSession(region => cmdlet.GetPersonalizeClient(region));
        }

        /// <summary>The command's checks: each dataset group is read once, however many jobs and rounds ask.</summary>
        public AssuranceSession Session { get; }

        /// <summary>Judges the jobs as they are now (Get-PDataDeletionJob -Detailed) and shows the judgement.</summary>
        public IReadOnlyList<DataDeletionJob> Judge(IReadOnlyList<DataDeletionJob> jobs)
        {
            return Show(_cmdlet.Await(token => Session.JudgeAsync(jobs, token)));
        }

        /// <summary>The judged jobs in order, after their warnings and receipts; the caller outputs them.</summary>
        public IReadOnlyList<DataDeletionJob> Show(AssuranceJudgement judgement)
        {
            foreach (AssuranceProblem problem in judgement.Problems)
            {
                _cmdlet.WriteWarning(problem.Message);
            }

            foreach (DeletionOutcome outcome in judgement.Outcomes)
            {
                foreach (string warning in AssuranceWarnings.For(outcome))
                {
                    _cmdlet.WriteWarning(warning);
                }

                _summary.Add(outcome);
                if (_receipts)
                {
                    DataDeletionJob job = outcome.Job;
                    job.Receipt = DataDeletionReceipt.Create(outcome, CallerArn(), job.StagedSha256, job.StagedBytes);
                    if (_receiptFolder is not null)
                    {
                        WriteReceipt(job);
                    }
                }
            }

            return judgement.Outcomes.Select(outcome => outcome.Job).ToList();
        }

        /// <summary>A judged job as the cmdlets output it: the same object, first of type <see cref="DataDeletionJobView.JudgedTypeName"/>, whose table shows Assurance.</summary>
        public static PSObject AsJudged(DataDeletionJob job)
        {
            var wrapped = PSObject.AsPSObject(job);
            if (!wrapped.TypeNames.Contains(DataDeletionJobView.JudgedTypeName))
            {
                wrapped.TypeNames.Insert(0, DataDeletionJobView.JudgedTypeName);
            }

            return wrapped;
        }

        /// <summary>The one summary warning of the command, when its jobs leave models, campaigns or copies to deal with.</summary>
        public void Complete()
        {
            if (_summary.Message() is string summary)
            {
                _cmdlet.WriteWarning(summary);
            }
        }

        public void Dispose() => _identity?.Dispose();

        /// <summary>Who runs the command, asked of STS once; null (with one warning) when STS does not say.</summary>
        private string? CallerArn()
        {
            if (_identityAsked)
            {
                return _callerArn;
            }

            _identityAsked = true;
            try
            {
                _identity = StsCallerIdentityReader.Create(_cmdlet.GetSession());
                _callerArn = _cmdlet.Await(token => _identity.ReadAsync(token)).Arn;
            }
            catch (CallerIdentityException unknown)
            {
                _cmdlet.WriteWarning($"Could not learn who runs this command: {unknown.Message} The receipts name no caller (callerArn is null); sts:GetCallerIdentity needs no permission, so check that STS can be reached (AWS_ENDPOINT_URL_STS).");
            }

            return _callerArn;
        }

        private void WriteReceipt(DataDeletionJob job)
        {
            DataDeletionReceipt receipt = job.Receipt!;
            string target = Path.Combine(_receiptFolder!, (receipt.JobName ?? "?") + DataDeletionReceiptWriter.FileSuffix);
            if (!_cmdlet.ShouldProcess(target, $"Write the receipt of data deletion job {AssuranceWarnings.JobName(job)}"))
            {
                return;
            }

            ReceiptWriteResult result;
            try
            {
                result = DataDeletionReceiptWriter.Write(_receiptFolder!, receipt);
            }
            catch (Exception failure) when (failure is IOException || failure is UnauthorizedAccessException || failure is ArgumentException)
            {
                NotWritten(target, $"Could not write the receipt of data deletion job {AssuranceWarnings.JobName(job)} to {target}: {failure.Message}", failure);
                return;
            }

            switch (result.Status)
            {
                case ReceiptWriteStatus.Created:
                case ReceiptWriteStatus.Replaced:
                    job.Receipt = result.Receipt;
                    _cmdlet.WriteVerbose($"{(result.Status == ReceiptWriteStatus.Created ? "Wrote" : "Replaced")} the receipt {result.Path} ({job.Status}, {job.Assurance}).");
                    break;

                case ReceiptWriteStatus.KeptLaterState:
                    _cmdlet.WriteVerbose($"Kept the receipt {result.Path}: it records a later state of the job than {job.Status}.");
                    break;

                case ReceiptWriteStatus.HeldByAnotherJob:
                    NotWritten(result.Path, $"Did not write the receipt of data deletion job {job.JobArn}: {result.Path} is the receipt of another job of the same name ({result.ExistingJobArn}), and it was kept. Write this one to another -ReceiptPath.", null);
                    break;

                default:
                    NotWritten(result.Path, $"Did not write the receipt of data deletion job {AssuranceWarnings.JobName(job)}: {result.Path} exists and is not a receipt, and it was kept. Move it, or write to another -ReceiptPath.", null);
                    break;
            }
        }

        private void NotWritten(string path, string message, Exception? inner) =>
            _cmdlet.WriteError(ErrorRecordFactory.Create(ErrorIds.ReceiptNotWritten, new IOException(message, inner), path));
    }
}
