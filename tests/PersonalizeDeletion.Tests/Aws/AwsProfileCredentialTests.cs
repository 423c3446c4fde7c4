using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using Amazon.Runtime;
using PersonalizeDeletion.Aws;
using Xunit;

namespace PersonalizeDeletion.Tests.Aws
{
    public sealed class AwsProfileCredentialTests
    {
        [Fact]
        public void ProfileLocationAloneMeansTheDefaultProfileOfThatFile()
        {
            using var dir = new AwsTestDirectory();
            dir.WithCredentials("[default]\naws_access_key_id = AKIDHOME\naws_secret_access_key = homesecret\n");
            var elsewhere = dir.WriteFile("elsewhere/creds.ini", "[default]\naws_access_key_id = AKIDELSEWHERE\naws_secret_access_key = elsewheresecret\n");

            var session = AwsSessionResolver.Resolve(new AwsConnectionRequest { ProfileLocation = elsewhere, Region = "us-east-1" }, dir.Environment);

            Assert.Equal("AKIDELSEWHERE", session.Credentials.GetCredentials().AccessKey);
            Assert.Equal("profile 'default' from " + elsewhere, session.CredentialSource);
            Assert.Equal(elsewhere, session.ProfileLocation);
        }

        [Fact]
        public void ProfileNameIsLookedUpInProfileLocation()
        {
            using var dir = new AwsTestDirectory();
            dir.WithCredentials("[dev]\naws_access_key_id = AKIDHOME\naws_secret_access_key = homesecret\n");
            var elsewhere = dir.WriteFile("elsewhere/creds.ini", "[dev]\naws_access_key_id = AKIDELSEWHERE\naws_secret_access_key = elsewheresecret\n");

            var session = AwsSessionResolver.Resolve(new AwsConnectionRequest { ProfileName = "dev", ProfileLocation = elsewhere, Region = "us-east-1" }, dir.Environment);

            Assert.Equal("AKIDELSEWHERE", session.Credentials.GetCredentials().AccessKey);
            Assert.Equal("dev", session.ProfileName);
        }

        [Fact]
        public void ProfileLocationWithoutADefaultProfileIsProfileNotFound()
        {
            using var dir = new AwsTestDirectory();
            dir.WithCredentials("[default]\naws_access_key_id = AKIDHOME\naws_secret_access_key = homesecret\n");
            var elsewhere = dir.WriteFile("elsewhere/creds.ini", "[other]\naws_access_key_id = AKIDOTHER\naws_secret_access_key = othersecret\n");

            var error = Assert.Throws<AwsConfigurationException>(
                () => AwsSessionResolver.Resolve(new AwsConnectionRequest { ProfileLocation = elsewhere, Region = "us-east-1" }, dir.Environment));

            Assert.Equal("ProfileNotFound", error.ErrorId);
            Assert.Equal("default", error.Target);
        }

        [Fact]
        public void SharedCredentialsFileVariableReplacesTheHomeFile()
        {
            using var dir = new AwsTestDirectory();
            dir.WithCredentials("[default]\naws_access_key_id = AKIDHOME\naws_secret_access_key = homesecret\n");
            var custom = dir.WriteFile("custom/credentials", "[default]\naws_access_key_id = AKIDCUSTOM\naws_secret_access_key = customsecret\n");
            dir.Environment.Set("AWS_SHARED_CREDENTIALS_FILE", custom);

            var session = AwsSessionResolver.Resolve(new AwsConnectionRequest { Region = "us-east-1" }, dir.Environment);

            Assert.Equal("AKIDCUSTOM", session.Credentials.GetCredentials().AccessKey);
            Assert.Equal("profile 'default' from " + custom, session.CredentialSource);
        }

        [Fact]
        public void ProfileDefinedOnlyInTheConfigFileIsFound()
        {
            using var dir = new AwsTestDirectory();
            dir.WithConfig("[profile cfg]\naws_access_key_id = AKIDCONFIG\naws_secret_access_key = configsecret\nregion = ap-south-1\n");

            var session = AwsSessionResolver.Resolve(new AwsConnectionRequest { ProfileName = "cfg" }, dir.Environment);

            Assert.Equal("AKIDCONFIG", session.Credentials.GetCredentials().AccessKey);
            Assert.Equal("profile 'cfg' from " + dir.ConfigPath, session.CredentialSource);
            Assert.Equal("ap-south-1", session.Region);
            Assert.Equal(dir.CredentialsPath, session.ProfileLocation);
        }

        [Fact]
        public void RoleProfileResolvesToAssumeRoleCredentialsWithoutCallingSts()
        {
            using var dir = new AwsTestDirectory();
            dir.WithCredentials("[base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = basesecret\n");
            dir.WithConfig("[profile admin]\nrole_arn = arn:aws:iam::123456789012:role/admin\nsource_profile = base\nregion = eu-central-1\n");

            var session = AwsSessionResolver.Resolve(new AwsConnectionRequest { ProfileName = "admin" }, dir.Environment);

            var assumeRole = Assert.IsType<AssumeRoleAWSCredentials>(session.Credentials);
            Assert.Equal("arn:aws:iam::123456789012:role/admin", assumeRole.RoleArn);
            Assert.StartsWith("profile 'admin' from ", session.CredentialSource, StringComparison.Ordinal);
            Assert.Equal("eu-central-1", session.Region);
        }

        [Fact]
        public void RoleProfileWithMissingSourceProfileIsCredentialProfileInvalid()
        {
            using var dir = new AwsTestDirectory();
            dir.WithConfig("[profile admin]\nrole_arn = arn:aws:iam::123456789012:role/admin\nsource_profile = missing\n");

            var error = Assert.Throws<AwsConfigurationException>(
                () => AwsSessionResolver.Resolve(new AwsConnectionRequest { ProfileName = "admin", Region = "us-east-1" }, dir.Environment));

            Assert.Equal("CredentialProfileInvalid", error.ErrorId);
            Assert.Equal("admin", error.Target);
        }

        [Fact]
        public void NamedProfileWithoutCredentialsIsCredentialProfileInvalid()
        {
            using var dir = new AwsTestDirectory();
            dir.WithConfig("[profile settingsonly]\nregion = eu-west-1\n");

            var error = Assert.Throws<AwsConfigurationException>(
                () => AwsSessionResolver.Resolve(new AwsConnectionRequest { ProfileName = "settingsonly" }, dir.Environment));

            Assert.Equal("CredentialProfileInvalid", error.ErrorId);
        }

        [Fact]
        public void CredentialProcessProfileRunsTheProcessAndYieldsItsKeys()
        {
            Assert.False(RuntimeInformation.IsOSPlatform(OSPlatform.Windows), "The credential_process fixture is a POSIX shell script.");
            using var dir = new AwsTestDirectory();
            var script = dir.WriteFile(
                "bin/creds.sh",
                "#!/bin/sh\necho '{\"Version\": 1, \"AccessKeyId\": \"AKIDPROCESS\", \"SecretAccessKey\": \"processsecret\", \"SessionToken\": \"processtoken\"}'\n");
            MakeExecutable(script);
            dir.WithConfig("[profile proc]\ncredential_process = " + script + "\nregion = us-east-2\n");

            var session = AwsSessionResolver.Resolve(new AwsConnectionRequest { ProfileName = "proc" }, dir.Environment);

            Assert.IsType<ProcessAWSCredentials>(session.Credentials);
            var keys = session.Credentials.GetCredentials();
            Assert.Equal("AKIDPROCESS", keys.AccessKey);
            Assert.Equal("processsecret", keys.SecretKey);
            Assert.Equal("processtoken", keys.Token);
        }

        private static void MakeExecutable(string path)
        {
            using var chmod = Process.Start(new ProcessStartInfo("chmod", "+x \"" + path + "\"") { UseShellExecute = false })!;
            chmod.WaitForExit();
            Assert.Equal(0, chmod.ExitCode);
            Assert.True(File.Exists(path));
        }
    }
}
