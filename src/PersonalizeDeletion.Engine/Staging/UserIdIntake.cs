using System;
using System.Runtime.CompilerServices;
using System.Text;

namespace PersonalizeDeletion.Staging
{
    internal enum IntakeResult
    {
        Accepted,
        Duplicate,
        Rejected,
    }

    /// <summary>Receives each new valid ID as UTF-8, and whether its CSV field must be quoted.</summary>
    internal delegate void UserIdSink(ReadOnlySpan<byte> utf8UserId, bool needsQuoting);

    /// <summary>
    /// Where every incoming user ID is accounted for: accepted (passed on to be staged), a duplicate of one
    /// already accepted, or rejected with a reason. Accepted + Duplicates + Rejected always equals what came in,
    /// which is how the module proves that no ID was silently dropped.
    /// </summary>
    /// <remarks>
    /// IDs come as strings (the pipeline) or as UTF-8 bytes in batches (files). Either way an ID is checked by
    /// <see cref="UserIdValidator"/>'s rules and de-duplicated on its UTF-8 bytes, so the same ID from a string
    /// and from a file is one ID. Plain ASCII IDs, nearly all of them, are checked on their bytes without ever
    /// becoming strings.
    /// </remarks>
    internal sealed class UserIdIntake : IDisposable
    {
        private static readonly UTF8Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

        private readonly UserIdFingerprintSet _seen = new UserIdFingerprintSet();
        private readonly UserIdSink? _accept;
        private readonly ulong[] _keys = new ulong[UserIdBatch.Capacity];
        private readonly uint[] _tags = new uint[UserIdBatch.Capacity];
        private readonly bool[] _added = new bool[UserIdBatch.Capacity];
        private readonly int[] _valid = new int[UserIdBatch.Capacity];
        private readonly bool[] _quote = new bool[UserIdBatch.Capacity];
        private byte[] _encoded = new byte[1024];

        /// <param name="accept">Receives each new valid ID; null counts only (-WhatIf).</param>
        public UserIdIntake(UserIdSink? accept)
        {
            _accept = accept;
        }

        public long Accepted { get; private set; }

        public long Duplicates { get; private set; }

        public long Rejected { get; private set; }

        public long Received => Accepted + Duplicates + Rejected;

        /// <summary>Returns the de-duplication memory to the shared pool; the counts stay readable.</summary>
        public void Dispose() => _seen.Dispose();

        /// <summary>Makes room in the de-duplication set for about <paramref name="ids"/> more IDs (a file of known size).</summary>
        public void Reserve(long ids) => _seen.Reserve(ids);

        [MethodImpl(HotPath.Optimize)]
        public IntakeResult Offer(string? userId, out UserIdProblem problem)
        {
            problem = UserIdValidator.Check(userId);
            if (problem != UserIdProblem.None)
            {
                Rejected++;
                return IntakeResult.Rejected;
            }

            // Valid means no lone surrogates, so the strict encoder cannot fail.
            string id = userId!;
            int max = StrictUtf8.GetMaxByteCount(id.Length);
            if (_encoded.Length < max)
            {
                _encoded = new byte[max];
            }

            var utf8 = new ReadOnlySpan<byte>(_encoded, 0, StrictUtf8.GetBytes(id, 0, id.Length, _encoded, 0));
            if (!_seen.Add(utf8))
            {
                Duplicates++;
                return IntakeResult.Duplicate;
            }

            Accepted++;
            _accept?.Invoke(utf8, UserIdCsv.NeedsQuoting(id));
            return IntakeResult.Accepted;
        }

        /// <summary>
        /// Offers every ID of the batch in order and records each one's result and problem in the batch. The
        /// batch's IDs must be valid UTF-8 (the file reader checks that).
        /// </summary>
        [MethodImpl(HotPath.Optimize)]
        public void Offer(UserIdBatch batch)
        {
            int valid = 0;
            for (int i = 0; i < batch.Count; i++)
            {
                ReadOnlySpan<byte> id = batch[i];
                if (!UserIdValidator.TryCheckAscii(id, out UserIdProblem problem, out bool quote))
                {
                    string text = batch.Text(i);
                    problem = UserIdValidator.Check(text);
                    quote = problem == UserIdProblem.None && UserIdCsv.NeedsQuoting(text);
                }

                batch.Problems[i] = problem;
                if (problem != UserIdProblem.None)
                {
                    batch.Results[i] = IntakeResult.Rejected;
                    Rejected++;
                    continue;
                }

                UserIdFingerprintSet.Fingerprint(id, out _keys[valid], out _tags[valid]);
                _quote[valid] = quote;
                _valid[valid++] = i;
            }

            _seen.Add(new ReadOnlySpan<ulong>(_keys, 0, valid), new ReadOnlySpan<uint>(_tags, 0, valid), new Span<bool>(_added, 0, valid));
            for (int j = 0; j < valid; j++)
            {
                int i = _valid[j];
                if (_added[j])
                {
                    batch.Results[i] = IntakeResult.Accepted;
                    Accepted++;
                    _accept?.Invoke(batch[i], _quote[j]);
                }
                else
                {
                    batch.Results[i] = IntakeResult.Duplicate;
                    Duplicates++;
                }
            }
        }
    }
}
