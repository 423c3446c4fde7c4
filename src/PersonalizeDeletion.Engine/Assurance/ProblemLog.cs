using System.Collections.Generic;

namespace PersonalizeDeletion.Assurance
{
    /// <summary>
    /// The problems of one command, each kept once per operation and scope, so a command warns once about a missing
    /// permission however many groups, jobs and rounds it covers.
    /// </summary>
    internal sealed class ProblemLog
    {
        private readonly List<AssuranceProblem> _problems = new List<AssuranceProblem>();
        private readonly HashSet<string> _keys = new HashSet<string>();
        private int _handedOut;

        public void Add(AssuranceProblem problem)
        {
            lock (_problems)
            {
                if (_keys.Add(problem.Operation + " " + problem.Scope))
                {
                    _problems.Add(problem);
                }
            }
        }

        /// <summary>The problems added since the last call.</summary>
        public IReadOnlyList<AssuranceProblem> TakeNew()
        {
            lock (_problems)
            {
                List<AssuranceProblem> fresh = _problems.GetRange(_handedOut, _problems.Count - _handedOut);
                _handedOut = _problems.Count;
                return fresh;
            }
        }
    }
}
