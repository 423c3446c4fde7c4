using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using PersonalizeDeletion.Requests;

namespace PersonalizeDeletion.Cmdlets
{
    /// <summary>
    /// What one piped object (not a string) brings to New-PDataDeletionJob, read by property name the way
    /// ValueFromPipelineByPropertyName would bind it: user IDs (-UserId and its aliases), a local file (a FileInfo,
    /// or -Path's names), an S3 location (-DataLocation's names, or BucketName with Key) and the AWS parameters.
    /// The names are the command's own parameter names and aliases, read from its metadata. AWS values apply to
    /// this object only and are put back when it is disposed, as PowerShell does with pipeline-bound parameters;
    /// values given on the command line win.
    /// </summary>
    /// <remarks>
    /// Rows of user IDs (an object with a user ID property) never carry AWS values: exports have columns such as
    /// Region or ST (a US state, and SessionToken's alias) that are data about the user, and binding them would send
    /// each row to another region or account, or stop the command on the first row.
    /// </remarks>
    internal sealed class PipelineInput : IDisposable
    {
        private readonly List<Action> _restore = new List<Action>();
        private readonly PSObject _item;
        private readonly Names _names;

        private PipelineInput(PSObject item, Names names)
        {
            _item = item;
            _names = names;
        }

        /// <summary>True when the object carries AWS parameter values that apply to it.</summary>
        public bool HasConnectionValues => _restore.Count > 0;

        /// <summary>A FileInfo's full path.</summary>
        public string? File => _item.BaseObject is FileInfo file ? file.FullName : null;

        /// <summary>True when the object has a user ID property (even one holding nothing).</summary>
        public bool HasUserIds => _names.UserId.Any(name => _item.Properties[name] is not null);

        /// <summary>The values of every user ID property the object has: a row with both USER_ID and UserIds loses neither.</summary>
        public IEnumerable<object?> UserIdValues => _names.UserId
            .Select(name => _item.Properties[name])
            .Where(property => property is not null)
            .SelectMany(property => Values(property!.Value));

        /// <summary>The first S3 location property.</summary>
        public string? Location => _names.DataLocation.Select(name => Text(_item, name)).FirstOrDefault(text => text is not null);

        /// <summary>The first file name property (FullName, Path): literal, since piped names are never patterns.</summary>
        public string? LiteralPath => _names.Path.Select(name => Text(_item, name)).FirstOrDefault(text => text is not null);

        /// <summary>"s3://bucket/key" for an S3 object as AWS.Tools' Get-S3Object emits it (BucketName and Key).</summary>
        public string? BucketAndKey => Text(_item, "BucketName") is string bucket && Text(_item, "Key") is string key ? "s3://" + bucket + "/" + key : null;

        /// <summary>True for a property bag such as an Import-Csv row, whose properties are the columns of a file.</summary>
        public bool IsRow => _item.BaseObject is PSCustomObject;

        /// <summary>
        /// Gives the request what the object brings: a file, user IDs, S3 locations. An object with none of them is
        /// reported: a row (Import-Csv) as UserIdColumnMissing, which stops the request, naming its columns, before
        /// the next row; any other object as UnrecognizedInputObject, and the input goes on.
        /// </summary>
        /// <param name="resolveLiteralFile">Resolves FullName or Path to a file, or stops the command.</param>
        /// <param name="namesExistingItem">Whether a row's FullName or Path names an existing file or folder.</param>
        public void AddTo(DeletionRequest request, DeletionTarget target, object value, Func<string, string> resolveLiteralFile, Func<string, bool> namesExistingItem)
        {
            if (File is string file)
            {
                request.AddFile(target, file);
                return;
            }

            bool understood = HasUserIds;
            foreach (object? id in UserIdValues)
            {
                request.AddUserIdValue(target, id);
            }

            if (Location is string location)
            {
                understood = true;
                request.AddLocation(target, location);
            }

            // A row's FullName or Path column names a file only when there is one: in an export of customers it is a
            // person's name, which must be neither taken for a file nor repeated in a "file not found" error.
            if (!understood && LiteralPath is string path && (!IsRow || namesExistingItem(path)))
            {
                understood = true;
                request.AddFile(target, resolveLiteralFile(path));
            }

            if (BucketAndKey is string objectUri)
            {
                understood = true;
                request.AddLocation(target, objectUri);
            }

            if (understood)
            {
                return;
            }

            if (IsRow)
            {
                request.AddRowWithoutUserId(_item.Properties.Select(property => property.Name).ToList());
            }
            else
            {
                request.AddUnrecognized(target, value, "is not a user ID, a file, or an S3 location: give strings, objects with a USER_ID, FullName or DataLocation property, or S3 objects with BucketName and Key.");
            }
        }

        /// <summary>Reads the object and applies its AWS values to <paramref name="command"/> (unless it is a row of user IDs).</summary>
        public static PipelineInput Read(NewPDataDeletionJobCommand command, PSObject item, ISet<string> commandLine)
        {
            var input = new PipelineInput(item, Names.Of(command));
            if (input.HasUserIds)
            {
                return input;
            }

            Names names = input._names;
            input.Override(commandLine, names.Region, () => command.Region, value => command.Region = value);
            input.Override(commandLine, names.ProfileName, () => command.ProfileName, value => command.ProfileName = value);
            input.Override(commandLine, names.ProfileLocation, () => command.ProfileLocation, value => command.ProfileLocation = value);
            input.Override(commandLine, names.AccessKey, () => command.AccessKey, value => command.AccessKey = value);
            input.Override(commandLine, names.SecretKey, () => command.SecretKey, value => command.SecretKey = value);
            input.Override(commandLine, names.SessionToken, () => command.SessionToken, value => command.SessionToken = value);
            input.Override(commandLine, names.EndpointUrl, () => command.EndpointUrl, value => command.EndpointUrl = value);
            if (!commandLine.Contains(nameof(command.Credential)) && Property(item, nameof(command.Credential)) is object credential)
            {
                object? saved = command.Credential;
                command.Credential = credential;
                input._restore.Add(() => command.Credential = saved);
            }

            return input;
        }

        public void Dispose()
        {
            foreach (Action restore in _restore)
            {
                restore();
            }

            _restore.Clear();
        }

        /// <param name="names">The parameter's name, then its aliases.</param>
        private void Override(ISet<string> commandLine, string[] names, Func<string?> get, Action<string?> set)
        {
            if (commandLine.Contains(names[0]))
            {
                return;
            }

            string? value = names.Select(name => Text(_item, name)).FirstOrDefault(text => text is not null);
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

        /// <summary>The property names each parameter binds from: its name, then the aliases its [Alias] attribute declares.</summary>
        private sealed class Names
        {
            private static Names? _cached;

            private Names(IDictionary<string, ParameterMetadata> parameters)
            {
                string[] Of(string parameter) => new[] { parameter }.Concat(parameters[parameter].Aliases).ToArray();
                UserId = Of(nameof(NewPDataDeletionJobCommand.UserId));
                DataLocation = Of(nameof(NewPDataDeletionJobCommand.DataLocation));
                Path = Of(nameof(NewPDataDeletionJobCommand.Path));
                Region = Of(nameof(NewPDataDeletionJobCommand.Region));
                ProfileName = Of(nameof(NewPDataDeletionJobCommand.ProfileName));
                ProfileLocation = Of(nameof(NewPDataDeletionJobCommand.ProfileLocation));
                AccessKey = Of(nameof(NewPDataDeletionJobCommand.AccessKey));
                SecretKey = Of(nameof(NewPDataDeletionJobCommand.SecretKey));
                SessionToken = Of(nameof(NewPDataDeletionJobCommand.SessionToken));
                EndpointUrl = Of(nameof(NewPDataDeletionJobCommand.EndpointUrl));
            }

            public string[] UserId { get; }

            public string[] DataLocation { get; }

            public string[] Path { get; }

            public string[] Region { get; }

            public string[] ProfileName { get; }

            public string[] ProfileLocation { get; }

            public string[] AccessKey { get; }

            public string[] SecretKey { get; }

            public string[] SessionToken { get; }

            public string[] EndpointUrl { get; }

            /// <summary>Read once per process: the attributes do not change.</summary>
            public static Names Of(NewPDataDeletionJobCommand command) =>
                _cached ??= new Names(command.MyInvocation.MyCommand.Parameters);
        }
    }
}
