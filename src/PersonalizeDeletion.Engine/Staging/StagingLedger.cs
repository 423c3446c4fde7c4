using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PersonalizeDeletion.Staging
{
    /// <summary>
    /// What one staging session has put in S3 - multipart uploads still open, objects written (or maybe written: a
    /// completion whose answer was lost) - and the taking back of all of it. Safe to use from the upload's tasks.
    /// </summary>
    internal sealed class StagingLedger
    {
        private readonly object _sync = new object();
        private readonly Dictionary<string, string> _openUploads = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly List<string> _writtenKeys = new List<string>();

        public void UploadOpened(string key, string uploadId)
        {
            lock (_sync)
            {
                _openUploads[key] = uploadId;
            }
        }

        public void UploadClosed(string key)
        {
            lock (_sync)
            {
                _openUploads.Remove(key);
            }
        }

        /// <summary>Called before the call that writes the object: if its answer is lost, the object may exist all the same.</summary>
        public void ObjectWritten(string key)
        {
            lock (_sync)
            {
                if (!_writtenKeys.Contains(key))
                {
                    _writtenKeys.Add(key);
                }
            }
        }

        /// <summary>
        /// S3 refused the call that would have written the object (a client error: access denied, a wrong expected
        /// bucket owner): it does not exist, and taking back must neither try to remove it nor report it left behind.
        /// </summary>
        public void ObjectNotWritten(string key)
        {
            lock (_sync)
            {
                _writtenKeys.Remove(key);
            }
        }

        /// <summary>
        /// Aborts the open uploads and deletes the written objects. Never throws: returns what could not be removed
        /// (object URIs, and uploads as "s3://bucket/key (multipart upload ID)"), which a later call tries again.
        /// </summary>
        public async Task<IReadOnlyList<string>> TakeBackAsync(IS3StagingClient client, Func<string, S3ObjectAddress> addressOf, CancellationToken deadline)
        {
            KeyValuePair<string, string>[] uploads;
            string[] keys;
            lock (_sync)
            {
                uploads = new KeyValuePair<string, string>[_openUploads.Count];
                ((ICollection<KeyValuePair<string, string>>)_openUploads).CopyTo(uploads, 0);
                keys = _writtenKeys.ToArray();
            }

            var leftovers = new List<string>();
            foreach (KeyValuePair<string, string> upload in uploads)
            {
                if (await TryAsync(() => client.AbortMultipartUploadAsync(addressOf(upload.Key), upload.Value, deadline)).ConfigureAwait(false))
                {
                    UploadClosed(upload.Key);
                }
                else
                {
                    leftovers.Add(addressOf(upload.Key).Uri + " (multipart upload " + upload.Value + ")");
                }
            }

            foreach (string key in keys)
            {
                if (await TryAsync(() => client.DeleteObjectAsync(addressOf(key), deadline)).ConfigureAwait(false))
                {
                    lock (_sync)
                    {
                        _writtenKeys.Remove(key);
                    }
                }
                else
                {
                    leftovers.Add(addressOf(key).Uri);
                }
            }

            return leftovers;
        }

        private static async Task<bool> TryAsync(Func<Task> call)
        {
            try
            {
                await call().ConfigureAwait(false);
                return true;
            }
            catch (S3RequestException ex) when (ex.ErrorCode == "NoSuchUpload")
            {
                return true;
            }
            catch (Exception)
            {
                // Best effort by design: the caller reports what is left; the original failure matters more.
                return false;
            }
        }
    }
}
