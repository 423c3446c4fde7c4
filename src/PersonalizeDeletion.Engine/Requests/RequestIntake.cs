using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using PersonalizeDeletion.Staging;

namespace PersonalizeDeletion.Requests
{
    /// <summary>
    /// The first step of a request: every input is numbered and becomes user IDs (validated, de-duplicated and
    /// staged through the batch's <see cref="UserIdIntake"/>), a data location, or a reported problem. Positions
    /// name an input by its number or file line, never by its value: user IDs are personal data.
    /// </summary>
    internal sealed class RequestIntake
    {
        private static readonly TimeSpan ProgressEvery = TimeSpan.FromMilliseconds(250);

        private readonly RequestContext _context;
        private readonly Stopwatch _sinceProgress = Stopwatch.StartNew();
        private long _inputNumber;

        public RequestIntake(RequestContext context)
        {
            _context = context;
        }

        private IDeletionReporter Reporter => _context.Reporter;

        /// <summary>
        /// User IDs that are numbers (42, or 1001..1005) or GUIDs, written the way PowerShell writes them in a
        /// string: invariant culture, GUIDs lower case with hyphens. Fractions and other objects are not user IDs.
        /// </summary>
        public static string? NumberOrGuidText(object value) => value switch
        {
            int or long or short or sbyte or byte or ushort or uint or ulong or System.Numerics.BigInteger
                => Convert.ToString(value, CultureInfo.InvariantCulture),
            Guid guid => guid.ToString("D"),
            _ => null,
        };

        /// <summary>
        /// Stops the request at a piped string that is evidently not a user ID: the header line of a CSV file
        /// (CsvTextPipedAsUserIds: the file's lines were piped, and every line after it would be deleted as an ID) or
        /// the name of an existing file or folder (FilePathPipedAsUserId: meant for -Path). Either is evidence about
        /// the whole input, not one ID, so nothing of the request is kept.
        /// </summary>
        /// <remarks>Called for every piped string that is not an s3:// URI, so the common ID is let through in a few comparisons.</remarks>
        [MethodImpl(HotPath.Optimize)]
        public void RefuseEvidentNonIds(string? text)
        {
            if (text is null)
            {
                return;
            }

            if (PipedTextIntent.IsCsvHeader(text))
            {
                throw CsvTextPiped();
            }

            if (_context.Paths is ILocalPathProbe paths && PipedTextIntent.MayNameFile(text) && paths.ExistingItem(text, out bool isFolder) is string item)
            {
                throw PathPiped(text, item, isFolder);
            }
        }

        /// <summary>
        /// UserIdColumnMissing for a row without a user ID column: names the columns it has (column names, never
        /// values) and shows how to name the right one USER_ID.
        /// </summary>
        public void RowWithoutUserId(IReadOnlyList<string> columns)
        {
            const int MaxNamed = 12;
            string named = columns.Count == 0 ? "none" : string.Join(", ", columns.Take(MaxNamed)) + (columns.Count > MaxNamed ? $" and {columns.Count - MaxNamed} more" : string.Empty);
            string example = columns.FirstOrDefault(name => name.IndexOf("id", StringComparison.OrdinalIgnoreCase) >= 0) ?? (columns.Count > 0 ? columns[0] : "CustomerId");
            string property = example.All(c => char.IsLetterOrDigit(c) || c == '_') ? example : "'" + example.Replace("'", "''") + "'";
            throw new DeletionRequestException(ErrorIds.UserIdColumnMissing,
                new ArgumentException($"{NextInput()} is a row without a USER_ID column (its columns: {named}), so it holds no user ID the module can read. Name the column that holds the user IDs USER_ID, for example Import-Csv customers.csv | Select-Object @{{ Name = 'USER_ID'; Expression = {{ $_.{property} }} }} | New-PDataDeletionJob ..., or rename it in the file's header and give the file with -Path. {NothingKept()}"),
                NextPosition());
        }

        /// <summary>A user ID given as such (-UserId by name, a USER_ID property): literal, even when it looks like a URI.</summary>
        [MethodImpl(HotPath.Optimize)]
        public void AddUserId(DeletionBatch batch, string? id)
        {
            long inputNumber = ++_inputNumber;
            UserIdIntake intake = batch.Intake ?? batch.OpenStaging(Position(inputNumber, null, 0));
            IntakeResult result = intake.Offer(id, out UserIdProblem problem);
            if (result == IntakeResult.Rejected)
            {
                ReportRejected(inputNumber, null, 0, id, problem);
            }
            else if (result == IntakeResult.Duplicate && Reporter.ShowsUserIds)
            {
                ReportDuplicate(inputNumber, null, 0, id);
            }

            ShowProgress(batch, force: false);
        }

        /// <summary>
        /// A value of an object's user ID property: text, a whole number or a GUID is a user ID (as when piped);
        /// anything else is reported, never turned into a type name and deleted as if it were an ID.
        /// </summary>
        public void AddUserIdValue(DeletionBatch batch, object? value)
        {
            string? text = value is null || value is string ? (string?)value : NumberOrGuidText(value);
            if (value is not null && text is null)
            {
                Unrecognized(value, "in a USER_ID property is not a user ID: give text, whole numbers or GUIDs.");
                return;
            }

            AddUserId(batch, text);
        }

        /// <summary>UnrecognizedInputObject for one input, by its position and type (never its value).</summary>
        public void Unrecognized(object value, string problem)
        {
            string where = Position(++_inputNumber, null, 0);
            Reporter.Problem(new RequestProblem(ErrorIds.UnrecognizedInputObject,
                new ArgumentException($"Input #{_inputNumber.ToString(CultureInfo.InvariantCulture)} ({value.GetType().Name}) {problem}"), where));
        }

        /// <summary>
        /// A local CSV file, read as UTF-8 bytes from the file to the staged CSV and offered in batches. A file that
        /// cannot be read as a whole stops the request, after the problems of the lines before the bad one.
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        public void AddFile(DeletionBatch batch, string file)
        {
            Reporter.Verbose($"Reading user IDs from {file}.");
            var ids = new UserIdBatch();
            bool estimated = false;
            try
            {
                using var reader = new UserIdCsvFileReader(file);
                while (reader.TryReadNextUtf8(out ReadOnlySpan<byte> id, out long line))
                {
                    if (batch.Intake is null)
                    {
                        batch.OpenStaging(Position(_inputNumber + 1, file, line));
                    }

                    if (!ids.TryAdd(id, line))
                    {
                        if (!estimated)
                        {
                            // One batch in, the file's length tells about how many IDs follow: the de-duplication
                            // set makes room for them now instead of growing step by step.
                            batch.Intake!.Reserve(reader.EstimateRemainingLines() + ids.Count);
                            estimated = true;
                        }

                        OfferFileIds(batch, ids, file);
                        ids.TryAdd(id, line);
                    }
                }

                OfferFileIds(batch, ids, file);
            }
            catch (UserIdFileException)
            {
                // The lines read before the bad one still get their errors first, in file order, so one run shows
                // every problem up to it.
                if (batch.Intake is not null)
                {
                    OfferFileIds(batch, ids, file);
                }

                throw;
            }
        }

        /// <summary>Progress of the staging, at most every quarter second unless forced.</summary>
        public void ShowProgress(DeletionBatch batch, bool force)
        {
            if (batch.Intake is not UserIdIntake intake || (!force && _sinceProgress.Elapsed < ProgressEvery))
            {
                return;
            }

            _sinceProgress.Restart();

            // Parts go out only once full, so a count of zero would read as a stalled upload: say nothing until S3 has some.
            long bytesUploaded = batch.Uploader?.BytesUploaded ?? 0;
            string uploaded = bytesUploaded > 0 ? $", {bytesUploaded:N0} bytes uploaded" : string.Empty;
            Reporter.Progress(RequestPhase.Staging, $"Staging user IDs: {intake.Accepted:N0} accepted, {intake.Duplicates:N0} duplicate(s), {intake.Rejected:N0} rejected{uploaded}");
        }

        private DeletionRequestException CsvTextPiped() => new DeletionRequestException(ErrorIds.CsvTextPipedAsUserIds,
            new ArgumentException($"{NextInput()} is the header line of a CSV file (a USER_ID column): the text of a CSV file was piped in, as Get-Content pipes it, and its header and whole lines would be deleted as if they were user IDs. Pipe the file's rows instead (Import-Csv requests.csv | New-PDataDeletionJob ...), or give the file (New-PDataDeletionJob -Path requests.csv ...). {NothingKept()}"),
            NextPosition());

        private DeletionRequestException PathPiped(string text, string item, bool isFolder)
        {
            string fix = isFolder
                ? $"It names the folder {item}: give the files in it with -Path (New-PDataDeletionJob -Path '{System.IO.Path.Combine(text, "*.csv")}' ...)"
                : $"It names the file {item}: give files with -Path (New-PDataDeletionJob -Path '{text}' ...), or pipe them from Get-ChildItem";
            return new DeletionRequestException(ErrorIds.FilePathPipedAsUserId,
                new ArgumentException($"{NextInput()} ('{text}') is a path, not a user ID. {fix}. A value given by name to -UserId is always taken as a user ID. {NothingKept()}"),
                text);
        }

        /// <summary>"Input #N", the input about to be numbered.</summary>
        private string NextInput() => "Input #" + (_inputNumber + 1).ToString(CultureInfo.InvariantCulture);

        private string NextPosition() => Position(_inputNumber + 1, null, 0);

        /// <summary>What a stop at the next input leaves: the request takes back whatever was staged before it.</summary>
        private string NothingKept() => _inputNumber == 0
            ? "Nothing was staged or submitted."
            : "Nothing was submitted, and what was staged of the input before it is removed.";

        private static string Position(long inputNumber, string? file, long line) =>
            file is null
                ? "input #" + inputNumber.ToString(CultureInfo.InvariantCulture)
                : file + ":" + line.ToString(CultureInfo.InvariantCulture);

        /// <summary>Offers a batch of IDs read from a file and reports each rejected one (and, under -Debug, each duplicate).</summary>
        [MethodImpl(HotPath.Optimize)]
        private void OfferFileIds(DeletionBatch batch, UserIdBatch ids, string file)
        {
            if (ids.Count == 0)
            {
                return;
            }

            long first = _inputNumber + 1;
            _inputNumber += ids.Count;
            batch.Intake!.Offer(ids);
            for (int i = 0; i < ids.Count; i++)
            {
                IntakeResult result = ids.Result(i);
                if (result == IntakeResult.Rejected)
                {
                    ReportRejected(first + i, file, ids.Line(i), ids.Text(i), ids.Problem(i));
                }
                else if (result == IntakeResult.Duplicate && Reporter.ShowsUserIds)
                {
                    ReportDuplicate(first + i, file, ids.Line(i), ids.Text(i));
                }
            }

            if (((first - 1) >> 14) != (_inputNumber >> 14))
            {
                ShowProgress(batch, force: false);
            }

            ids.Clear();
        }

        /// <summary>Under -Debug only: the ID itself is personal data.</summary>
        private void ReportDuplicate(long inputNumber, string? file, long line, string? id) =>
            Reporter.Debug($"Duplicate user ID at {Position(inputNumber, file, line)} submitted once: '{id}'");

        private void ReportRejected(long inputNumber, string? file, long line, string? id, UserIdProblem problem)
        {
            string where = Position(inputNumber, file, line);
            if (Reporter.ShowsUserIds)
            {
                Reporter.Debug($"Rejected user ID at {where}: '{id}'");
            }

            // The target names where the ID came from, not the ID.
            Reporter.Problem(new RequestProblem(ErrorIds.InvalidUserId,
                new ArgumentException($"The user ID at {where} was not submitted: {UserIdValidator.Describe(problem, id ?? string.Empty)}"), where));
        }
    }
}
