using System;
using System.Management.Automation;
using System.Management.Automation.Host;
using PersonalizeDeletion.Requests;

namespace PersonalizeDeletion.Cmdlets
{
    /// <summary>What a deletion request reports, as New-PDataDeletionJob's output, stream records and ErrorRecords.</summary>
    internal sealed class DeletionReporter : IDeletionReporter
    {
        private const string Activity = "New-PDataDeletionJob";

        private readonly NewPDataDeletionJobCommand _command;
        private readonly bool _askFirst;

        /// <param name="askFirst">False when -Force (without -Confirm) lets every job go without asking.</param>
        public DeletionReporter(NewPDataDeletionJobCommand command, bool askFirst)
        {
            _command = command;
            _askFirst = askFirst;
        }

        public bool ShowsUserIds => _command.IsDebugEnabled;

        public void Verbose(string message) => _command.WriteVerbose(message);

        public void Debug(string message) => _command.WriteDebug(message);

        public void Warning(string message) => _command.WriteWarning(message);

        public void Progress(RequestPhase phase, string status) => _command.WriteProgress(new ProgressRecord((int)phase, Activity, status));

        public void ProgressDone(RequestPhase phase) =>
            _command.WriteProgress(new ProgressRecord((int)phase, Activity, "Done") { RecordType = ProgressRecordType.Completed });

        public void Problem(RequestProblem problem) => _command.WriteError(_command.ToErrorRecord(problem));

        /// <summary>ShouldProcess: the prompt (ConfirmImpact High), or under -WhatIf the "What if:" line.</summary>
        public bool Confirm(string target, string action)
        {
            if (!_askFirst)
            {
                return true;
            }

            try
            {
                return _command.ShouldProcess(target, action);
            }
            catch (Exception prompt) when (prompt is HostException || prompt is PSInvalidOperationException)
            {
                // A host that cannot ask (pwsh -NonInteractive, a runbook, a scheduled task) fails the prompt itself;
                // say what an unattended run needs instead of the host's generic message.
                throw new DeletionRequestException(ErrorIds.ConfirmationNotPossible,
                    new InvalidOperationException($"New-PDataDeletionJob asks before it deletes users, and this host cannot ask ({prompt.Message.TrimEnd('.')}). In unattended runs add -Force (or -Confirm:$false). Nothing was submitted, and whatever was staged is removed.", prompt),
                    target);
            }
        }

        public void Submitted(DataDeletionJob job) => _command.WriteObject(job);
    }
}
