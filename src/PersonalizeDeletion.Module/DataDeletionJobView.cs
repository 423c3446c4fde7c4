using System;
using System.Globalization;
using System.Management.Automation;

namespace PersonalizeDeletion
{
    /// <summary>
    /// How a <see cref="DataDeletionJob"/> reads in PowerShell; PersonalizeDeletion.Types.ps1xml and the format file
    /// call these members. Scripts get the times as UTC DateTimes whose text is ISO 8601 wherever PowerShell turns them
    /// into text (Export-Csv, Format-List, ToString()); ConvertTo-Json reads the CLR properties, which it writes in ISO
    /// 8601 already. Duration is text throughout (see <see cref="DataDeletionJob.Duration"/>).
    /// </summary>
    public static class DataDeletionJobView
    {
        /// <summary>
        /// The type name a judged job (Wait-PDataDeletionJob, Get-PDataDeletionJob -Detailed) carries first, before
        /// PersonalizeDeletion.DataDeletionJob: its table shows Assurance.
        /// </summary>
        public const string JudgedTypeName = "PersonalizeDeletion.DataDeletionJob#Judged";

        /// <summary>The type name of a job's times as PowerShell sees them: a DateTime whose text is ISO 8601.</summary>
        public const string UtcTimeTypeName = "PersonalizeDeletion.UtcDateTime";

        // ISO 8601 in UTC, the fraction only when there is one: the form ConvertTo-Json writes for the same value.
        private const string IsoFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";

        /// <summary>CodeProperty CreationDateTime: the UTC creation time.</summary>
        public static object? CreationDateTime(PSObject instance) => TypedTime(instance, job => job.CreationDateTime);

        /// <summary>CodeProperty LastUpdatedDateTime: the UTC time of the last change.</summary>
        public static object? LastUpdatedDateTime(PSObject instance) => TypedTime(instance, job => job.LastUpdatedDateTime);

        /// <summary>CodeMethod ToString of a job's time: ISO 8601 (<c>2026-11-28T09:41:07Z</c>); a format argument is honoured.</summary>
        public static string TimeToString(PSObject instance, params object[] arguments)
        {
            var time = (DateTime)instance.BaseObject;
            return arguments is { Length: > 0 } && arguments[0] is string format
                ? time.ToString(format, arguments.Length > 1 ? arguments[1] as IFormatProvider : CultureInfo.CurrentCulture)
                : time.ToString(IsoFormat, CultureInfo.InvariantCulture);
        }

        /// <summary>A time in the job table: to the second, saying it is UTC (<c>2026-11-28 09:41:07 UTC</c>).</summary>
        public static string? TableTime(object? value) =>
            PSObjectValue.Unwrap(value) is DateTime time ? time.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture) : null;

        /// <summary>A job's duration in the job table: <c>00:04:12</c>, with days in front from one day on (<c>1d 06:00:05</c>).</summary>
        public static string? TableDuration(object? job)
        {
            object? value = PSObjectValue.Unwrap(job) is DataDeletionJob known ? known.Elapsed : PSObjectValue.Unwrap((job as PSObject)?.Properties["Duration"]?.Value);
            TimeSpan? duration = value switch
            {
                TimeSpan span => span,
                string text when TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out TimeSpan parsed) => parsed,
                _ => null,
            };
            if (duration is not TimeSpan shown)
            {
                return null;
            }

            string clock = shown.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture);
            return shown.TotalDays >= 1 ? ((int)shown.TotalDays).ToString(CultureInfo.InvariantCulture) + "d " + clock : clock;
        }

        /// <summary>
        /// A dataset group in the job table: the name its ARN ends with (<c>retail</c> for
        /// <c>arn:aws:personalize:us-east-1:123456789012:dataset-group/retail</c>); null when there is no ARN.
        /// </summary>
        public static string? TableDatasetGroup(object? arn) =>
            PSObjectValue.Unwrap(arn) is string { Length: > 0 } text ? text.Substring(text.LastIndexOf('/') + 1) : null;

        private static PSObject? TypedTime(PSObject instance, Func<DataDeletionJob, DateTime?> read) =>
            instance?.BaseObject is DataDeletionJob job && read(job) is DateTime time ? Tagged(time) : null;

        private static PSObject Tagged(DateTime time)
        {
            var wrapped = new PSObject(time);
            wrapped.TypeNames.Insert(0, UtcTimeTypeName);
            return wrapped;
        }

    }
}
