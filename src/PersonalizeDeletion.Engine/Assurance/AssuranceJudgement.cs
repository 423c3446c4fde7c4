using System.Collections.Generic;

namespace PersonalizeDeletion.Assurance
{
    /// <summary>The outcomes of the jobs judged together, in their order, and the problems met on the way.</summary>
    internal sealed class AssuranceJudgement
    {
        public AssuranceJudgement(IReadOnlyList<DeletionOutcome> outcomes, IReadOnlyList<AssuranceProblem> problems)
        {
            Outcomes = outcomes;
            Problems = problems;
        }

        public IReadOnlyList<DeletionOutcome> Outcomes { get; }

        /// <summary>The calls that failed and were not reported before in this command: one warning each.</summary>
        public IReadOnlyList<AssuranceProblem> Problems { get; }
    }
}
