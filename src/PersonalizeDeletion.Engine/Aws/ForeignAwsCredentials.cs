using System;
using System.Globalization;
using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Threading.Tasks;
using Amazon.Runtime;

namespace PersonalizeDeletion.Aws
{
    /// <summary>
    /// Adapts a credentials object from another copy of AWSSDK.Core (AWS.Tools' own, another load
    /// context or version), whose types ours cannot cast to, by calling its
    /// <c>GetCredentials()</c>/<c>GetCredentialsAsync()</c> through reflection.
    /// </summary>
    /// <remarks>
    /// The foreign object is asked on every call rather than cached here: it owns its refresh
    /// logic (assume-role, SSO, instance profile) and caches internally, so asking again is cheap
    /// and keeps a refreshing credential working for the life of a long wait.
    /// </remarks>
    internal sealed class ForeignAwsCredentials : AWSCredentials
    {
        private readonly object _source;
        private readonly MethodInfo? _getCredentials;
        private readonly MethodInfo? _getCredentialsAsync;

        private ForeignAwsCredentials(object source, MethodInfo? getCredentials, MethodInfo? getCredentialsAsync)
        {
            _source = source;
            _getCredentials = getCredentials;
            _getCredentialsAsync = getCredentialsAsync;
        }

        /// <summary>The foreign object's type, for messages.</summary>
        public string SourceTypeName => _source.GetType().FullName ?? _source.GetType().Name;

        /// <summary>
        /// Wraps <paramref name="source"/> when it looks like an AWSCredentials: a parameterless
        /// GetCredentials or GetCredentialsAsync whose declared result (when typed) exposes
        /// AccessKey and SecretKey.
        /// </summary>
        public static bool TryCreate(object source, out ForeignAwsCredentials? credentials)
        {
            var type = source.GetType();
            var sync = FindParameterlessMethod(type, "GetCredentials");
            if (sync != null && !CanYieldKeys(sync.ReturnType))
            {
                sync = null;
            }

            var async = FindParameterlessMethod(type, "GetCredentialsAsync");
            if (async != null && !IsTaskYieldingKeys(async.ReturnType))
            {
                async = null;
            }

            credentials = sync == null && async == null ? null : new ForeignAwsCredentials(source, sync, async);
            return credentials != null;
        }

        public override ImmutableCredentials GetCredentials()
        {
            if (_getCredentials != null)
            {
                return ReadKeys(Invoke(_getCredentials));
            }

            // Only an async method exists; callers of the synchronous API accept blocking.
            return GetCredentialsAsync().GetAwaiter().GetResult();
        }

        public override async Task<ImmutableCredentials> GetCredentialsAsync()
        {
            if (_getCredentialsAsync == null)
            {
                return GetCredentials();
            }

            var task = (Task?)Invoke(_getCredentialsAsync)
                ?? throw Malformed("GetCredentialsAsync() returned no task");
            await task.ConfigureAwait(false);
            var result = task.GetType().GetProperty("Result", BindingFlags.Public | BindingFlags.Instance)?.GetValue(task);
            return ReadKeys(result);
        }

        private static MethodInfo? FindParameterlessMethod(Type type, string name)
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance))
            {
                if (method.Name == name && method.GetParameters().Length == 0 && !method.IsGenericMethodDefinition)
                {
                    return method;
                }
            }

            return null;
        }

        private static bool IsTaskYieldingKeys(Type returnType)
        {
            if (!typeof(Task).IsAssignableFrom(returnType))
            {
                return false;
            }

            var resultType = returnType.IsGenericType ? returnType.GetGenericArguments()[0] : null;
            return resultType != null && CanYieldKeys(resultType);
        }

        // A declared type of object says nothing; the shape is then checked at call time.
        private static bool CanYieldKeys(Type declared) =>
            declared == typeof(object)
            || (HasStringProperty(declared, "AccessKey") && HasStringProperty(declared, "SecretKey"));

        private static bool HasStringProperty(Type type, string name) =>
            type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance)?.PropertyType == typeof(string);

        private object? Invoke(MethodInfo method)
        {
            try
            {
                return method.Invoke(_source, null);
            }
            catch (TargetInvocationException ex) when (ex.InnerException != null)
            {
                // Surface the foreign provider's own failure (expired SSO token, STS denial, ...).
                ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
                throw;
            }
        }

        private ImmutableCredentials ReadKeys(object? keys)
        {
            if (keys == null)
            {
                throw Malformed("it returned no credentials");
            }

            var type = keys.GetType();
            var accessKey = ReadString(type, keys, "AccessKey");
            var secretKey = ReadString(type, keys, "SecretKey");
            var token = ReadString(type, keys, "Token");
            if (string.IsNullOrEmpty(accessKey) || string.IsNullOrEmpty(secretKey))
            {
                throw Malformed("its credentials have no AccessKey or SecretKey");
            }

            return new ImmutableCredentials(accessKey, secretKey, token);
        }

        private static string? ReadString(Type type, object instance, string name) =>
            type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance)?.GetValue(instance) as string;

        private AwsConfigurationException Malformed(string problem) =>
            new AwsConfigurationException(
                ErrorIds.InvalidCredentialObject,
                string.Format(CultureInfo.InvariantCulture, "The credential object of type '{0}' cannot be used: {1}.", SourceTypeName, problem),
                SourceTypeName);
    }
}
