using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using PersonalizeDeletion.Aws;
using PersonalizeDeletion.Loading;
using PersonalizeDeletion.Personalize;

namespace PersonalizeDeletion.Cmdlets
{
    /// <summary>
    /// What every cmdlet of the module shares: AWS Tools for PowerShell's credential and region parameters
    /// (same names, aliases and precedence), session and client caching, Ctrl+C handling and error records.
    /// </summary>
    public abstract class PersonalizeCmdletBase : PSCmdlet, IDisposable
    {
        // A canonical request quotes the signed headers, the session token among them.
        private static readonly Regex SessionTokenLine = new Regex(@"(?im)^(x-amz-security-token:).*$", RegexOptions.CultureInvariant);

        private static readonly string[] ConnectionParameters =
            { "Region", "ProfileName", "ProfileLocation", "AccessKey", "SecretKey", "SessionToken", "Credential", "EndpointUrl" };

        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private readonly Dictionary<string, AwsSession> _sessions = new Dictionary<string, AwsSession>(StringComparer.Ordinal);
        private readonly Dictionary<AwsClientKey, IPersonalizeClient> _clients = new Dictionary<AwsClientKey, IPersonalizeClient>();
        private bool _disposed;
        private bool? _debugEnabled;
        private HashSet<string>? _boundOnCommandLine;

        /// <summary>The AWS region to call (AWS.Tools' -Region).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias(AwsParameterAliases.RegionToCall)]
        [ArgumentCompleter(typeof(RegionCompleter))]
        public string? Region { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias(AwsParameterAliases.StoredCredentials, AwsParameterAliases.AWSProfileName)]
        [ArgumentCompleter(typeof(ProfileNameCompleter))]
        public string? ProfileName { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias(AwsParameterAliases.AWSProfilesLocation, AwsParameterAliases.ProfilesLocation)]
        public string? ProfileLocation { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias(AwsParameterAliases.AK)]
        public string? AccessKey { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias(AwsParameterAliases.SK, AwsParameterAliases.SecretAccessKey)]
        public string? SecretKey { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias(AwsParameterAliases.ST)]
        public string? SessionToken { get; set; }

        /// <summary>An AWSCredentials object (from AWS.Tools or the SDK), or any object that yields one.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public object? Credential { get; set; }

        /// <summary>The Personalize endpoint to call instead of the region's (S3 keeps its own settings).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? EndpointUrl { get; set; }

        /// <summary>Cancelled when the user presses Ctrl+C or the pipeline is stopped.</summary>
        internal CancellationToken StopToken => _stopping.Token;

        protected override void StopProcessing()
        {
            _stopping.Cancel();
        }

        /// <summary>
        /// Notes which parameters the command line bound: any other connection parameter that has a value later was
        /// bound from a piped object's property, and -Verbose says so. Cmdlets that override this call it first.
        /// </summary>
        protected override void BeginProcessing()
        {
            _boundOnCommandLine = new HashSet<string>(MyInvocation.BoundParameters.Keys, StringComparer.OrdinalIgnoreCase);
        }

        /// <summary>The parameters bound on the command line (known from BeginProcessing on).</summary>
        private protected ISet<string> BoundOnCommandLine => _boundOnCommandLine ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        private object? ValueOf(string connectionParameter) => connectionParameter switch
        {
            "Region" => Region,
            "ProfileName" => ProfileName,
            "ProfileLocation" => ProfileLocation,
            "AccessKey" => AccessKey,
            "SecretKey" => SecretKey,
            "SessionToken" => SessionToken,
            "Credential" => Credential,
            "EndpointUrl" => EndpointUrl,
            _ => throw new ArgumentOutOfRangeException(nameof(connectionParameter), connectionParameter, "Not a connection parameter."),
        };

        /// <summary>Identifies the current AWS parameter values (in memory only; it holds the secret key).</summary>
        internal string ConnectionKey => string.Join("\u001f", Region, ProfileName, ProfileLocation, AccessKey, SecretKey, SessionToken,
            EndpointUrl, Credential is null ? string.Empty : System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Credential).ToString(System.Globalization.CultureInfo.InvariantCulture));

        /// <summary>
        /// The session for the current parameter values. Parameters bound by property name can change per
        /// pipeline object, so sessions are cached per distinct set of values rather than once per command.
        /// </summary>
        internal AwsSession GetSession()
        {
            string key = ConnectionKey;
            if (_sessions.TryGetValue(key, out AwsSession? cached))
            {
                return cached;
            }

            // Before the engine first touches the AWS SDK: Windows PowerShell may hold another module's older copy.
            AwsSdkConflictGuard.ThrowIfConflict(this);
            var request = new AwsConnectionRequest
            {
                Region = Region,
                ProfileName = ProfileName,
                ProfileLocation = ProfileLocation,
                AccessKey = AccessKey,
                SecretKey = SecretKey,
                SessionToken = SessionToken,
                EndpointUrl = EndpointUrl,
                Credential = PSObjectValue.Unwrap(Credential),
                StoredCredentials = PSObjectValue.Unwrap(SessionState.PSVariable.GetValue("StoredAWSCredentials")),
                StoredRegion = PSObjectValue.Unwrap(SessionState.PSVariable.GetValue("StoredAWSRegion")),
            };
            // A connection parameter with a value that the command line did not bind came from a piped object: bound by
            // property name, or (New-PDataDeletionJob) taken from the object itself.
            foreach (string parameter in ConnectionParameters)
            {
                if (_boundOnCommandLine is not null && !_boundOnCommandLine.Contains(parameter) && ValueOf(parameter) is not null)
                {
                    request.FromPipeline.Add(parameter);
                }
            }

            AwsSession session = AwsSessionResolver.Resolve(request);
            WriteVerbose($"Credentials: {session.CredentialSource}. Region: {session.Region} ({session.RegionSource}).");
            _sessions[key] = session;
            return session;
        }

        /// <summary>
        /// A Personalize client for <paramref name="session"/> (default: the current parameters' session), in its
        /// region or in <paramref name="region"/> when an ARN names another.
        /// </summary>
        internal IPersonalizeClient GetPersonalizeClient(string? region = null, AwsSession? session = null)
        {
            session ??= GetSession();
            if (region is not null && !string.Equals(region, session.Region, StringComparison.Ordinal))
            {
                session = session.ForRegion(region);
            }

            AwsClientKey key = session.ClientKey;
            if (!_clients.TryGetValue(key, out IPersonalizeClient? client))
            {
                client = session.CreatePersonalizeClient(out string endpoint);
                WriteVerbose($"Personalize endpoint for {session.Region} ({session.RegionSource}): {endpoint}");
                _clients[key] = client;
            }

            return client;
        }

        /// <summary>Runs an asynchronous call on the pipeline thread; Ctrl+C cancels it.</summary>
        internal T Await<T>(Func<CancellationToken, Task<T>> call)
        {
            try
            {
                return call(StopToken).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        /// <summary>Runs an asynchronous call on the pipeline thread; Ctrl+C cancels it.</summary>
        internal void Await(Func<CancellationToken, Task> call)
        {
            try
            {
                call(StopToken).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (StopToken.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        /// <summary>Sleeps, waking at once when the pipeline is stopped.</summary>
        internal void Sleep(TimeSpan delay)
        {
            if (delay > TimeSpan.Zero && StopToken.WaitHandle.WaitOne(delay))
            {
                throw new PipelineStoppedException();
            }

            if (StopToken.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        /// <summary>Turns a failure of a lower layer into the error record users script against.</summary>
        internal ErrorRecord ToErrorRecord(Exception exception, object? target, string? errorIdForServiceErrors = null)
        {
            ErrorRecord record = ErrorRecordFactory.Create(exception, target, errorIdForServiceErrors, CredentialSourceForErrors());
            if (record.CategoryInfo.Category == ErrorCategory.AuthenticationError && exception is PersonalizeServiceException service)
            {
                // The service's own words (for a bad signature, the canonical request it expected) help only to debug.
                WriteDebug($"{service.ErrorCode} (HTTP {service.StatusCode}, request {service.RequestId}): {SessionTokenLine.Replace(service.Message, "$1(not shown)")}");
            }

            return record;
        }

        /// <summary>
        /// Reports a failed call about <paramref name="target"/>. A problem of that one item (a job that does not exist)
        /// is a non-terminating error; a failure every other item would meet too (<see cref="EndsTheCommand"/>) ends the
        /// command, so a script does not carry on with nothing and exit 0.
        /// </summary>
        internal void WriteCallFailure(Exception failure, object? target, string? errorIdForServiceErrors = null)
        {
            ErrorRecord record = ToErrorRecord(failure, target, errorIdForServiceErrors);
            if (EndsTheCommand(record))
            {
                ThrowTerminatingError(record);
            }

            WriteError(record);
        }

        /// <summary>Rejected credentials, denied access and an endpoint that cannot be reached: nothing else can succeed.</summary>
        internal static bool EndsTheCommand(ErrorRecord record) =>
            record.CategoryInfo.Category == ErrorCategory.AuthenticationError
            || record.CategoryInfo.Category == ErrorCategory.PermissionDenied
            || record.CategoryInfo.Category == ErrorCategory.ConnectionError;

        /// <summary>
        /// True under -Debug (or $DebugPreference). User IDs are personal data: they are written only then, and
        /// the check is made once so a million IDs do not each format a message nobody sees.
        /// </summary>
        internal bool IsDebugEnabled
        {
            get
            {
                if (_debugEnabled is null)
                {
                    if (MyInvocation.BoundParameters.TryGetValue("Debug", out object? flag))
                    {
                        // -Debug (or -Debug:$false) decides for this call; it does not set $DebugPreference.
                        _debugEnabled = LanguagePrimitives.IsTrue(flag);
                    }
                    else
                    {
                        // A preference set in a child scope ($DebugPreference = 'Continue') is a plain string there.
                        object? preference = GetVariableValue("DebugPreference");
                        _debugEnabled = LanguagePrimitives.TryConvertTo(preference, out ActionPreference action)
                            && action != ActionPreference.SilentlyContinue && action != ActionPreference.Ignore;
                    }
                }

                return _debugEnabled.Value;
            }
        }

        private string? CredentialSourceForErrors()
        {
            foreach (AwsSession session in _sessions.Values)
            {
                return session.CredentialSource;
            }

            return null;
        }


        public void Dispose()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            Dispose(true);
            foreach (IPersonalizeClient client in _clients.Values)
            {
                client.Dispose();
            }

            _clients.Clear();
            _stopping.Dispose();
            GC.SuppressFinalize(this);
        }

        /// <summary>Cmdlets release what they hold (staged uploads, waits) here; it runs on every exit path.</summary>
        protected virtual void Dispose(bool disposing)
        {
        }
    }
}
