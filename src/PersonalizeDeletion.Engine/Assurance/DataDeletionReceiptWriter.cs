using System;
using System.Globalization;
using System.IO;
using System.Text.RegularExpressions;

namespace PersonalizeDeletion.Assurance
{
    /// <summary>
    /// Writes <c>&lt;JobName&gt;.receipt.json</c> atomically: the content goes to a temporary file in the same folder,
    /// flushed to disk, which then takes the receipt's name in one rename, so a reader sees the old receipt or the new
    /// one, never part of one. A file already there is replaced only by a later state of the same job
    /// (<see cref="ReceiptState"/>); anything else keeps it. What the replaced receipt knew of the request and the new
    /// one does not (<see cref="ReceiptRequest"/>) is kept.
    /// </summary>
    internal static class DataDeletionReceiptWriter
    {
        public const string FileSuffix = ".receipt.json";

        // The model's job name pattern: safe as a file name on every platform.
        private static readonly Regex JobNamePattern = new Regex("^[a-zA-Z0-9][a-zA-Z0-9\\-_]{0,62}$", RegexOptions.CultureInvariant);

        /// <param name="folder">An existing folder.</param>
        /// <exception cref="ArgumentException">The receipt has no job ARN, or no job name usable as a file name.</exception>
        /// <exception cref="IOException">The folder does not exist or the file could not be written.</exception>
        /// <exception cref="UnauthorizedAccessException">The folder or file may not be written.</exception>
        public static ReceiptWriteResult Write(string folder, DataDeletionReceipt receipt)
        {
            if (receipt is null)
            {
                throw new ArgumentNullException(nameof(receipt));
            }

            if (receipt.JobArn is null || receipt.JobName is null || !JobNamePattern.IsMatch(receipt.JobName))
            {
                throw new ArgumentException("A receipt needs the job's ARN and a valid job name: " + (receipt.JobArn ?? receipt.JobName), nameof(receipt));
            }

            string path = Path.Combine(folder, receipt.JobName + FileSuffix);
            var state = new ReceiptState(receipt.JobArn, receipt.DatasetGroupArn, receipt.Status, receipt.CompletionDateTime);

            // A second try only when another writer created or removed the file between our look and our rename.
            for (int attempt = 1; ; attempt++)
            {
                bool exists = File.Exists(path);
                DataDeletionReceipt written = receipt;
                if (exists)
                {
                    byte[] existing = File.ReadAllBytes(path);
                    ReceiptWriteResult? kept = Keep(path, existing, state);
                    if (kept is not null)
                    {
                        return kept;
                    }

                    written = receipt.WithRequestFrom(DataDeletionReceiptJson.ReadRequest(existing));
                }

                try
                {
                    Publish(folder, path, DataDeletionReceiptJson.Serialize(written), replace: exists);
                    return new ReceiptWriteResult(exists ? ReceiptWriteStatus.Replaced : ReceiptWriteStatus.Created, path, null, written);
                }
                catch (IOException) when (attempt < 3 && File.Exists(path) != exists)
                {
                    // Look at the file as it is now and decide again.
                }
            }
        }

        private static ReceiptWriteResult? Keep(string path, byte[] content, ReceiptState state)
        {
            if (!DataDeletionReceiptJson.TryReadState(content, out ReceiptState existing))
            {
                return new ReceiptWriteResult(ReceiptWriteStatus.NotAReceipt, path, null, null);
            }

            if (!existing.IsSameJob(state))
            {
                return new ReceiptWriteResult(ReceiptWriteStatus.HeldByAnotherJob, path, existing.JobArn, null);
            }

            return existing.IsLaterThan(state) ? new ReceiptWriteResult(ReceiptWriteStatus.KeptLaterState, path, null, null) : null;
        }

        private static void Publish(string folder, string path, byte[] content, bool replace)
        {
            string temporary = Path.Combine(folder, string.Format(CultureInfo.InvariantCulture, ".{0}.{1:n}.tmp", Path.GetFileName(path), Guid.NewGuid()));
            try
            {
                using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                {
                    stream.Write(content, 0, content.Length);
                    stream.Flush(flushToDisk: true);
                }

                if (replace)
                {
                    File.Replace(temporary, path, destinationBackupFileName: null);
                }
                else
                {
                    File.Move(temporary, path);
                }
            }
            finally
            {
                if (File.Exists(temporary))
                {
                    File.Delete(temporary);
                }
            }
        }
    }
}
