using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using PersonalizeDeletion.Aws;
using PersonalizeDeletion.Staging;

namespace PersonalizeDeletion.Requests
{
    /// <summary>
    /// One request to delete users, as a story: take input (<see cref="RequestIntake"/>), plan a batch per target
    /// (dataset groups, role, staging folder; checked against the service before anything is staged), stage the
    /// user IDs as CSV in S3 (SHA-256 as it goes), then - only once the whole input has been read - confirm and
    /// submit each job exactly once and report it (<see cref="BatchSubmitter"/>).
    /// </summary>
    /// <remarks>
    /// Whatever stops the request before it finishes (a problem it throws, one its reporter throws, Ctrl+C) takes
    /// back what was staged: open uploads are aborted and objects no job reads are deleted. When the request can
    /// still speak, what S3 would not let go is named in a warning first. Not thread-safe, except that the
    /// cancellation token may be cancelled from any thread.
    /// </remarks>
    internal sealed class DeletionRequest : IDisposable
    {
        private readonly RequestContext _context;
        private readonly RequestIntake _intake;

        // Batches whose input has all been read and staged, waiting for the end of the input to be submitted.
        private readonly List<DeletionBatch> _staged = new List<DeletionBatch>();
        private DeletionBatch? _batch;
        private bool _stopped;

        /// <summary>Checks the options (<see cref="DeletionRequestOptions.Validate"/>) before any input is taken.</summary>
        /// <param name="paths">Tells piped file names from user IDs; null takes every piped string as an ID.</param>
        public DeletionRequest(DeletionRequestOptions options, IDeletionReporter reporter, IClock clock, CancellationToken cancellation, ILocalPathProbe? paths = null)
        {
            options.Validate();
            _context = new RequestContext(options, reporter, clock, paths, cancellation);
            _intake = new RequestIntake(_context);
        }

        /// <summary>
        /// A piped string: an s3:// data location, or else a user ID. A CSV header line or the name of a file stops
        /// the request before its target is even planned (<see cref="RequestIntake.RefuseEvidentNonIds"/>).
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        public void AddText(DeletionTarget target, string? text)
        {
            try
            {
                if (S3Location.LooksLikeS3Uri(text))
                {
                    BatchFor(target).AddLocation(text!);
                }
                else
                {
                    _intake.RefuseEvidentNonIds(text);
                    _intake.AddUserId(BatchFor(target), text);
                }
            }
            catch (Exception failure)
            {
                Stop(failure);
                throw;
            }
        }

        /// <summary>A user ID given as such: literal, even when it looks like a URI.</summary>
        [MethodImpl(HotPath.Optimize)]
        public void AddUserId(DeletionTarget target, string? id)
        {
            try
            {
                _intake.AddUserId(BatchFor(target), id);
            }
            catch (Exception failure)
            {
                Stop(failure);
                throw;
            }
        }

        /// <summary>The value of a user ID property: text, whole numbers and GUIDs are IDs, anything else is reported.</summary>
        public void AddUserIdValue(DeletionTarget target, object? value)
        {
            try
            {
                _intake.AddUserIdValue(BatchFor(target), value);
            }
            catch (Exception failure)
            {
                Stop(failure);
                throw;
            }
        }

        /// <summary>An input that is none of the things a request takes: reported by position and type, and skipped.</summary>
        public void AddUnrecognized(DeletionTarget target, object value, string problem)
        {
            try
            {
                BatchFor(target);
                _intake.Unrecognized(value, problem);
            }
            catch (Exception failure)
            {
                Stop(failure);
                throw;
            }
        }

        /// <summary>
        /// A row (an Import-Csv object) with no user ID column and nothing else the request takes: the columns of
        /// the file are not the ones a deletion needs, so the request stops (UserIdColumnMissing) before its next row.
        /// </summary>
        public void AddRowWithoutUserId(IReadOnlyList<string> columns)
        {
            try
            {
                _intake.RowWithoutUserId(columns);
            }
            catch (Exception failure)
            {
                Stop(failure);
                throw;
            }
        }

        /// <summary>A local CSV file of user IDs (a resolved file system path).</summary>
        public void AddFile(DeletionTarget target, string path)
        {
            try
            {
                _intake.AddFile(BatchFor(target), path);
            }
            catch (Exception failure)
            {
                Stop(failure);
                throw;
            }
        }

        /// <summary>An S3 object or folder of USER_ID CSV that a job reads as it is.</summary>
        public void AddLocation(DeletionTarget target, string uri)
        {
            try
            {
                BatchFor(target).AddLocation(uri);
            }
            catch (Exception failure)
            {
                Stop(failure);
                throw;
            }
        }

        /// <summary>
        /// The input is all in: the last batch's staging completes, then every batch's jobs are confirmed, submitted
        /// and reported. No job is created before this: a bad file or ARN further down (or a Ctrl+C) must not find
        /// the jobs of earlier batches already submitted.
        /// </summary>
        public void Complete()
        {
            try
            {
                if (_batch is null && _staged.Count == 0)
                {
                    _context.Reporter.Warning(BatchSubmitter.NothingCameIn);
                    return;
                }

                EndBatch();
                var submitter = new BatchSubmitter(_context);
                while (_staged.Count > 0)
                {
                    DeletionBatch batch = _staged[0];
                    submitter.Submit(batch);
                    batch.Dispose();
                    _staged.RemoveAt(0);
                }
            }
            catch (Exception failure)
            {
                Stop(failure);
                throw;
            }
        }

        /// <summary>
        /// Takes back everything staged so far and names in warnings what S3 would not let go; for a caller that
        /// stops the request itself (a terminating error of its own). Safe to call more than once.
        /// </summary>
        public void Abandon()
        {
            if (_stopped)
            {
                return;
            }

            _stopped = true;
            // The batch being staged may have its bar up; the error that follows should not sit under it.
            _batch?.EndProgress();

            foreach (DeletionBatch batch in _batch is null ? _staged : new List<DeletionBatch>(_staged) { _batch })
            {
                foreach (string leftover in batch.TakeBack())
                {
                    if (!_context.Cancellation.IsCancellationRequested)
                    {
                        _context.Reporter.Warning($"Could not remove {leftover}, which holds user IDs staged for no job; remove it, or let the bucket's lifecycle rule do it.");
                    }
                }
            }
        }

        /// <summary>Every exit lands here: what was not finished is taken back (silently: the caller may have stopped).</summary>
        public void Dispose()
        {
            _stopped = true;
            foreach (DeletionBatch staged in _staged)
            {
                staged.Dispose();
            }

            _staged.Clear();
            _batch?.Dispose();
            _batch = null;
        }

        /// <summary>
        /// The batch for a target: the current one, or a new one planned for it. A change of target ends the current
        /// batch: its staging completes (which frees its memory) and it waits to be submitted with the others.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        private DeletionBatch BatchFor(DeletionTarget target)
        {
            DeletionBatch? batch = _batch;
            if (batch is not null && batch.Target.Matches(target))
            {
                return batch;
            }

            if (batch is not null)
            {
                EndBatch();
            }

            _batch = DeletionBatch.Plan(_context, target);
            return _batch;
        }

        private void EndBatch()
        {
            if (_batch is DeletionBatch batch)
            {
                _intake.ShowProgress(batch, force: true);
                batch.CompleteStaging();
                _staged.Add(batch);
                _batch = null;
            }
        }

        /// <summary>
        /// The request stops: what was staged is taken back, and a failure of a lower layer is thrown as the problem
        /// it means for the request. A cancellation, a problem, and what the reporter threw go on as they are.
        /// </summary>
        private void Stop(Exception failure)
        {
            Abandon();
            switch (failure)
            {
                case StagingUploadException upload:
                    throw new DeletionRequestException(ErrorIds.StagingUploadFailed, upload, upload.Uri);
                case UserIdFileException file:
                    throw new DeletionRequestException(file.ErrorId, file, file.Path);
                case AwsConfigurationException configuration:
                    throw new DeletionRequestException(configuration.ErrorId, configuration, configuration.Target);
            }
        }
    }
}
