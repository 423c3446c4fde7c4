using System;

namespace PersonalizeDeletion.Staging
{
    internal enum IntakeResult
    {
        Accepted,
        Duplicate,
        Rejected,
    }

    /// <summary>
    /// Where every incoming user ID is accounted for: accepted (passed on to be staged), a duplicate of one
    /// already accepted, or rejected with a reason. Accepted + Duplicates + Rejected always equals what came in,
    /// which is how the module proves that no ID was silently dropped.
    /// </summary>
    internal sealed class UserIdIntake
    {
        private readonly UserIdFingerprintSet _seen = new UserIdFingerprintSet();
        private readonly Action<string>? _accept;

        /// <param name="accept">Receives each new valid ID; null counts only (-WhatIf).</param>
        public UserIdIntake(Action<string>? accept)
        {
            _accept = accept;
        }

        public long Accepted { get; private set; }

        public long Duplicates { get; private set; }

        public long Rejected { get; private set; }

        public long Received => Accepted + Duplicates + Rejected;

        public IntakeResult Offer(string? userId, out UserIdProblem problem)
        {
            problem = UserIdValidator.Check(userId);
            if (problem != UserIdProblem.None)
            {
                Rejected++;
                return IntakeResult.Rejected;
            }

            if (!_seen.Add(userId!))
            {
                Duplicates++;
                return IntakeResult.Duplicate;
            }

            Accepted++;
            _accept?.Invoke(userId!);
            return IntakeResult.Accepted;
        }
    }
}
