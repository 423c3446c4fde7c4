using System.Collections.Generic;
using PersonalizeDeletion.Personalize;

namespace PersonalizeDeletion.Assurance
{
    /// <summary>A custom solution of the dataset group with every one of its solution versions.</summary>
    internal sealed class SolutionModels
    {
        public SolutionModels(SolutionInfo solution, IReadOnlyList<SolutionVersionInfo> versions)
        {
            Solution = solution;
            Versions = versions;
        }

        public SolutionInfo Solution { get; }

        public IReadOnlyList<SolutionVersionInfo> Versions { get; }
    }
}
