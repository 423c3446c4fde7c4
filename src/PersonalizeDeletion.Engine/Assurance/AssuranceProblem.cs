using System;
using System.Globalization;
using PersonalizeDeletion.Personalize;

namespace PersonalizeDeletion.Assurance
{
    /// <summary>
    /// A call an assurance check needed that failed: the check's result is left null and the command warns, but the
    /// deletion goes on. A missing permission names the IAM action to grant.
    /// </summary>
    internal sealed class AssuranceProblem
    {
        private AssuranceProblem(string operation, AssuranceCheck checks, string scope, bool isAccessDenied, string message)
        {
            Operation = operation;
            Checks = checks;
            Scope = scope;
            IsAccessDenied = isAccessDenied;
            Message = message;
        }

        /// <summary>The Personalize operation that failed, such as <c>ListSolutions</c>.</summary>
        public string Operation { get; }

        /// <summary>The IAM action that allows <see cref="Operation"/>, such as <c>personalize:ListSolutions</c>.</summary>
        public string Permission => "personalize:" + Operation;

        public AssuranceCheck Checks { get; }

        /// <summary>The dataset group ARN, or for the account-wide listings the region.</summary>
        public string Scope { get; }

        /// <summary>True when the service answered AccessDeniedException: <see cref="Permission"/> is missing.</summary>
        public bool IsAccessDenied { get; }

        /// <summary>The warning to show, naming the permission, the scope and what is left unknown.</summary>
        public string Message { get; }

        public static AssuranceProblem From(string operation, AssuranceCheck checks, string scope, Exception failure)
        {
            bool denied = failure is PersonalizeServiceException service && service.ErrorCode == "AccessDeniedException";
            string where = scope.StartsWith("arn:", StringComparison.Ordinal) ? "dataset group " + scope : "the dataset groups in " + scope;
            string unknown = "Left unknown (null): " + checks.ToString() + ".";
            string message = denied
                ? string.Format(CultureInfo.InvariantCulture, "Could not check {0}: the caller lacks personalize:{1} ({2}). {3} Grant personalize:{1} to have it checked.", where, operation, failure.Message, unknown)
                : string.Format(CultureInfo.InvariantCulture, "Could not check {0}: {1} failed: {2} {3}", where, operation, failure.Message, unknown);
            return new AssuranceProblem(operation, checks, scope, denied, message);
        }

        public override string ToString() => Message;
    }
}
