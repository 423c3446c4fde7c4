using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Management.Automation;

namespace PersonalizeDeletion.Cmdlets
{
    /// <summary>
    /// What one piped object (not a string) brings to New-PDataDeletionJob, read by property name the way
    /// ValueFromPipelineByPropertyName would bind it: user IDs (USER_ID, UserId, UserIds), local files (a FileInfo,
    /// FullName, Path), S3 locations (DataLocation, S3Uri, DataSource, or BucketName with Key) and the AWS
    /// parameters. AWS values apply to this object only and are put back when it is disposed, as PowerShell does
    /// with pipeline-bound parameters; values given on the command line win.
    /// </summary>
    /// <remarks>
    /// Rows of user IDs (an object with a USER_ID, UserId or UserIds property) never carry AWS values: exports
    /// have columns such as Region or ST (a US state, and SessionToken's alias) that are data about the user, and
    /// binding them would send each row to another region or account, or stop the command on the first row.
    /// </remarks>
    internal sealed class PipelineInput : IDisposable
    {
        private static readonly string[] RegionAliases = { "RegionToCall" };
        private static readonly string[] ProfileNameAliases = { "StoredCredentials", "AWSProfileName" };
        private static readonly string[] ProfileLocationAliases = { "AWSProfilesLocation", "ProfilesLocation" };
        private static readonly string[] AccessKeyAliases = { "AK" };
        private static readonly string[] SecretKeyAliases = { "SK", "SecretAccessKey" };
        private static readonly string[] SessionTokenAliases = { "ST" };

        private static readonly string[] UserIdNames = { "USER_ID", "UserId", "UserIds" };
        private static readonly string[] LocationNames = { "DataLocation", "S3Uri", "DataSource" };
        private static readonly string[] FileNames = { "FullName", "Path" };

        private readonly List<Action> _restore = new List<Action>();
        private readonly PSObject _item;

        private PipelineInput(PSObject item)
        {
            _item = item;
        }

        /// <summary>True when the object carries AWS parameter values that apply to it.</summary>
        public bool HasConnectionValues => _restore.Count > 0;

        public static PipelineInput Read(NewPDataDeletionJobCommand command, PSObject item, ISet<string> commandLine)
        {
            var input = new PipelineInput(item);
            if (input.HasUserIds())
            {
                return input;
            }

            input.Override(commandLine, "Region", RegionAliases, () => command.Region, value => command.Region = value);
            input.Override(commandLine, "ProfileName", ProfileNameAliases, () => command.ProfileName, value => command.ProfileName = value);
            input.Override(commandLine, "ProfileLocation", ProfileLocationAliases, () => command.ProfileLocation, value => command.ProfileLocation = value);
            input.Override(commandLine, "AccessKey", AccessKeyAliases, () => command.AccessKey, value => command.AccessKey = value);
            input.Override(commandLine, "SecretKey", SecretKeyAliases, () => command.SecretKey, value => command.SecretKey = value);
            input.Override(commandLine, "SessionToken", SessionTokenAliases, () => command.SessionToken, value => command.SessionToken = value);
            input.Override(commandLine, "EndpointUrl", Array.Empty<string>(), () => command.EndpointUrl, value => command.EndpointUrl = value);
            if (!commandLine.Contains("Credential") && Property(item, "Credential") is object credential)
            {
                object? saved = command.Credential;
                command.Credential = credential;
                input._restore.Add(() => command.Credential = saved);
            }

            return input;
        }

        /// <summary>Adds what the object holds; false when it holds nothing the command understands.</summary>
        public bool AddTo(NewPDataDeletionJobCommand command, DeletionBatch batch)
        {
            bool understood = false;
            if (_item.BaseObject is FileInfo file)
            {
                command.AddFile(batch, file.FullName);
                return true;
            }

            // Every user ID property the object has: a row with both USER_ID and UserIds loses neither.
            foreach (string name in UserIdNames)
            {
                if (_item.Properties[name] is PSPropertyInfo property)
                {
                    understood = true;
                    foreach (object? id in Values(property.Value))
                    {
                        command.AddUserIdValue(batch, id);
                    }
                }
            }

            foreach (string name in LocationNames)
            {
                if (Text(_item, name) is string location)
                {
                    understood = true;
                    command.AddLocation(batch, location);
                    break;
                }
            }

            if (!understood)
            {
                foreach (string name in FileNames)
                {
                    if (Text(_item, name) is string path)
                    {
                        // Literal: piped names come from Get-ChildItem, Resolve-Path or a list, never patterns.
                        understood = true;
                        command.AddLiteralPath(batch, path);
                        break;
                    }
                }
            }

            string? bucket = Text(_item, "BucketName");
            string? key = Text(_item, "Key");
            if (bucket is not null && key is not null)
            {
                understood = true;
                command.AddBucketAndKey(batch, bucket, key);
            }

            return understood;
        }

        public void Dispose()
        {
            foreach (Action restore in _restore)
            {
                restore();
            }

            _restore.Clear();
        }

        private bool HasUserIds()
        {
            foreach (string name in UserIdNames)
            {
                if (_item.Properties[name] is not null)
                {
                    return true;
                }
            }

            return false;
        }

        private void Override(ISet<string> commandLine, string name, string[] aliases, Func<string?> get, Action<string?> set)
        {
            if (commandLine.Contains(name))
            {
                return;
            }

            string? value = Text(_item, name);
            for (int i = 0; value is null && i < aliases.Length; i++)
            {
                value = Text(_item, aliases[i]);
            }

            if (value is null)
            {
                return;
            }

            string? saved = get();
            set(value);
            _restore.Add(() => set(saved));
        }

        private static object? Property(PSObject item, string name)
        {
            object? value = item.Properties[name]?.Value;
            return value is PSObject wrapped ? wrapped.BaseObject : value;
        }

        private static string? Text(PSObject item, string name)
        {
            object? value = Property(item, name);
            string? text = value is null ? null : LanguagePrimitives.ConvertTo<string>(value);
            return string.IsNullOrEmpty(text) ? null : text;
        }

        private static IEnumerable<object?> Values(object? value)
        {
            object? unwrapped = value is PSObject wrapped ? wrapped.BaseObject : value;
            if (unwrapped is string || unwrapped is null)
            {
                yield return unwrapped;
                yield break;
            }

            IEnumerable? many = LanguagePrimitives.GetEnumerable(unwrapped);
            if (many is null)
            {
                yield return unwrapped;
                yield break;
            }

            foreach (object? each in many)
            {
                yield return each is PSObject inner ? inner.BaseObject : each;
            }
        }
    }
}
