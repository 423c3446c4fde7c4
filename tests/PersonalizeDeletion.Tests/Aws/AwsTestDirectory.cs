using System;
using System.IO;

namespace PersonalizeDeletion.Tests.Aws
{
    /// <summary>
    /// A throw-away home directory with its own ~/.aws files, and a process environment cleared
    /// of the AWS variables the SDK reads behind our back, so the developer's real AWS setup
    /// can never leak into a test.
    /// </summary>
    internal sealed class AwsTestDirectory : IDisposable
    {
        private static readonly string[] SdkProcessVariables =
        {
            "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE", "AWS_PROFILE", "AWS_REGION", "AWS_DEFAULT_REGION",
            "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL_STS", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS",
            "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN",
            "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI",
            "AWS_CONTAINER_AUTHORIZATION_TOKEN", "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE",
            "AWS_MAX_ATTEMPTS", "AWS_RETRY_MODE",
        };

        public AwsTestDirectory()
        {
            Home = Path.Combine(Path.GetTempPath(), "pd-aws-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path.Combine(Home, ".aws"));
            Environment = new FakeAwsEnvironment(Home);
            Process = new ProcessEnvironmentScope();
            foreach (var name in SdkProcessVariables)
            {
                Process.Set(name, null);
            }

            Process.Set("AWS_EC2_METADATA_DISABLED", "true");
            Process.Set("HOME", Home);
        }

        public string Home { get; }

        public string CredentialsPath => Path.Combine(Home, ".aws", "credentials");

        public string ConfigPath => Path.Combine(Home, ".aws", "config");

        public FakeAwsEnvironment Environment { get; }

        public ProcessEnvironmentScope Process { get; }

        public AwsTestDirectory WithCredentials(string content)
        {
            File.WriteAllText(CredentialsPath, content);
            return this;
        }

        public AwsTestDirectory WithConfig(string content)
        {
            File.WriteAllText(ConfigPath, content);
            return this;
        }

        /// <summary>Writes a file under the home directory and returns its full path.</summary>
        public string WriteFile(string relativePath, string content)
        {
            var path = Path.Combine(Home, relativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content);
            return path;
        }

        public void Dispose()
        {
            Process.Dispose();
            try
            {
                Directory.Delete(Home, recursive: true);
            }
            catch (IOException)
            {
                // A credential_process child may still hold the directory open; the OS temp cleaner will get it.
            }
        }
    }
}
