using System.Threading;
using System.Collections.Generic;
using System.IO;
using PersonalizeDeletion.Fake.Faults;
using PersonalizeDeletion.Fake.Inspection;
using PersonalizeDeletion.Fake.Model;
using PersonalizeDeletion.Fake.Personalize;
using PersonalizeDeletion.Fake.Personalize.Resources;
using PersonalizeDeletion.Fake.Recordings;
using PersonalizeDeletion.Fake.S3;
using PersonalizeDeletion.Fake.Signing;

namespace PersonalizeDeletion.Fake.Hosting;

/// <summary>
/// Everything the fake holds: model, credentials, recordings, simulated services, faults, the request
/// log and settings. <see cref="Reset"/> returns it to its start-up state.
/// </summary>
public sealed class FakeState
{
    /// <summary>Accepted even without a credentials.json, so the fake is usable with no recordings folder.</summary>
    public static readonly AwsCredential DefaultCredential = new("AKIAFAKEDEFAULT00001", "fakeSecretDefault0000000000000000000000", null);

    private readonly object _gate = new();
    private FakeSettings _settings = new();
    private RecordingSet _recordings = RecordingSet.Empty;

    public FakeState(ServiceModel model, string? recordingsDirectory)
    {
        Model = model;
        RecordingsDirectory = recordingsDirectory;
        Clock = new FakeClock(() => Settings);
        Credentials = new CredentialStore(LoadCredentials(recordingsDirectory));
        Personalize = new PersonalizeSimulation(S3, Clock, () => Settings);
        Reset();
    }

    public ServiceModel Model { get; }

    public string? RecordingsDirectory { get; }

    public FakeClock Clock { get; }

    public CredentialStore Credentials { get; }

    public S3Store S3 { get; } = new();

    public PersonalizeSimulation Personalize { get; }

    /// <summary>Solutions, versions, campaigns, import and batch jobs, recommenders.</summary>
    public ResourceCatalog Resources { get; } = new();

    public FaultInjector Faults { get; } = new();

    public RequestLog Requests { get; } = new();

    public FakeSettings Settings
    {
        get => Volatile.Read(ref _settings);
        set => Volatile.Write(ref _settings, value);
    }

    public RecordingSet Recordings => Volatile.Read(ref _recordings);

    /// <summary>Reloads the recordings (so edits take effect) and clears jobs, datasets, resources, S3, faults, settings and the log.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            var recordings = RecordingsDirectory is null ? RecordingSet.Empty : RecordingSet.Load(RecordingsDirectory, Model);
            Settings = new FakeSettings();
            Faults.Clear();
            Requests.Clear();
            S3.Clear();
            Personalize.Clear();
            Resources.Clear();
            Credentials.Reset();
            foreach (var group in recordings.DatasetGroups)
            {
                Personalize.AddDatasetGroup(group);
            }

            foreach (var seed in recordings.Datasets)
            {
                var group = Personalize.FindDatasetGroup(seed.DatasetGroupArn);
                var dataset = Personalize.EnsureDataset(seed.DatasetGroupArn, seed.DatasetType, seed.Name, seed.Status, seed.CreationDateTime ?? group.CreationDateTime);
                if (seed.Records.Count > 0)
                {
                    Personalize.SetUserRecords(dataset, seed.Records);
                }
            }

            Volatile.Write(ref _recordings, recordings);
        }
    }

    private static IReadOnlyList<AwsCredential> LoadCredentials(string? recordingsDirectory)
    {
        var file = recordingsDirectory is null ? null : Path.Combine(recordingsDirectory, RecordingSet.CredentialsFile);
        return file is not null && File.Exists(file) ? CredentialStore.LoadFile(file) : new[] { DefaultCredential };
    }
}
