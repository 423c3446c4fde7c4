using System;

namespace PersonalizeDeletion
{
    /// <summary>
    /// A custom solution whose newest trained model predates the deletion, so it still holds the deleted users' data
    /// until a new solution version is trained. The type name <c>PersonalizeDeletion.ModelToRetrain</c> is public API.
    /// </summary>
    public sealed class ModelToRetrain
    {
        internal ModelToRetrain(string? solutionName, string? solutionArn, string? solutionVersionArn, DateTime? solutionVersionCreationDateTime)
        {
            SolutionName = solutionName;
            SolutionArn = solutionArn;
            SolutionVersionArn = solutionVersionArn;
            SolutionVersionCreationDateTime = solutionVersionCreationDateTime;
        }

        public string? SolutionName { get; }

        /// <summary>What <c>aws personalize create-solution-version --solution-arn</c> (or New-PERSSolutionVersion) takes.</summary>
        public string? SolutionArn { get; }

        /// <summary>
        /// The solution's newest ACTIVE solution version: trained before the deletion completed, or since then only
        /// updated (trainingMode UPDATE), which builds on the earlier model.
        /// </summary>
        public string? SolutionVersionArn { get; }

        /// <summary>UTC.</summary>
        public DateTime? SolutionVersionCreationDateTime { get; }

        public override string ToString() => SolutionName ?? SolutionArn ?? string.Empty;
    }
}
