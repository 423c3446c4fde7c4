using System;
using System.Threading.Tasks;
using Amazon.Runtime;
using Amazon.Runtime.Internal;

namespace PersonalizeDeletion.Personalize
{
    /// <summary>
    /// Sits inside the SDK's retry loop and notes on the request when an attempt got no answer (a transport failure,
    /// a timeout or a 5xx). The SDK retries such attempts itself, so a Create whose first attempt created the job can
    /// end in a later attempt's "already exists" or quota refusal; only this note tells the caller the job may exist.
    /// </summary>
    internal sealed class UnansweredAttemptRecorder : PipelineHandler
    {
        private const string StateKey = "PersonalizeDeletion.UnansweredAttempt";

        /// <summary>Whether an attempt of <paramref name="request"/> went unanswered before the final one.</summary>
        internal static bool HadUnansweredAttempt(AmazonWebServiceRequest request) =>
            ((IAmazonWebServiceRequest)request).RequestState.ContainsKey(StateKey);

        public override void InvokeSync(IExecutionContext executionContext)
        {
            try
            {
                base.InvokeSync(executionContext);
            }
            catch (Exception failure) when (Record(executionContext, failure))
            {
                throw;
            }
        }

        public override async Task<T> InvokeAsync<T>(IExecutionContext executionContext)
        {
            try
            {
                return await base.InvokeAsync<T>(executionContext).ConfigureAwait(false);
            }
            catch (Exception failure) when (Record(executionContext, failure))
            {
                throw;
            }
        }

        // An exception filter that never catches: it only takes note, so the SDK's retry handler sees the failure as it was.
        private static bool Record(IExecutionContext executionContext, Exception failure)
        {
            bool unanswered = failure is AmazonServiceException service
                ? (int)service.StatusCode >= 500
                : PersonalizeExceptionTranslator.IsClientFailure(failure) && !executionContext.RequestContext.CancellationToken.IsCancellationRequested;
            if (unanswered && executionContext.RequestContext.OriginalRequest is IAmazonWebServiceRequest request)
            {
                request.RequestState[StateKey] = true;
            }

            return false;
        }
    }
}
