using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PersonalizeDeletion.Assurance
{
    /// <summary>
    /// The receipt's JSON: camelCase member names written explicitly (renaming a property cannot change the file),
    /// every member present in a fixed order, null where unknown, times as ISO 8601 UTC. A list is null when it could
    /// not be checked and empty when nothing was found.
    /// </summary>
    internal static class DataDeletionReceiptJson
    {
        private static readonly JsonWriterOptions Options = new JsonWriterOptions
        {
            Indented = true,
            // The file is read by people and tools, never embedded in HTML: '+' and '&' in S3 keys stay as they are.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };

        public static byte[] Serialize(DataDeletionReceipt receipt)
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, Options))
            {
                writer.WriteStartObject();
                Text(writer, "jobArn", receipt.JobArn);
                Text(writer, "jobName", receipt.JobName);
                Text(writer, "datasetGroupArn", receipt.DatasetGroupArn);
                Text(writer, "region", receipt.Region);
                Text(writer, "account", receipt.Account);
                Text(writer, "status", receipt.Status);
                Time(writer, "creationDateTime", receipt.CreationDateTime);
                Time(writer, "completionDateTime", receipt.CompletionDateTime);
                Number(writer, "numDeleted", receipt.NumDeleted);
                Number(writer, "userCount", receipt.UserCount);
                Number(writer, "duplicateCount", receipt.DuplicateCount);
                Number(writer, "rejectedCount", receipt.RejectedCount);
                Text(writer, "dataLocation", receipt.DataLocation);
                Text(writer, "stagedSha256", receipt.StagedSha256);
                Number(writer, "stagedBytes", receipt.StagedBytes);
                Text(writer, "callerArn", receipt.CallerArn);
                Text(writer, "moduleVersion", receipt.ModuleVersion);
                List(writer, "concurrentActivity", receipt.ConcurrentActivity, (w, activity) =>
                {
                    Text(w, "kind", activity.Kind.ToString());
                    Text(w, "name", activity.Name);
                    Text(w, "arn", activity.Arn);
                    Text(w, "status", activity.Status);
                    Time(w, "creationDateTime", activity.CreationDateTime);
                    Time(w, "lastUpdatedDateTime", activity.LastUpdatedDateTime);
                });
                List(writer, "modelsToRetrain", receipt.ModelsToRetrain, (w, model) =>
                {
                    Text(w, "solutionName", model.SolutionName);
                    Text(w, "solutionArn", model.SolutionArn);
                    Text(w, "solutionVersionArn", model.SolutionVersionArn);
                    Time(w, "solutionVersionCreationDateTime", model.SolutionVersionCreationDateTime);
                });
                List(writer, "campaignsToUpdate", receipt.CampaignsToUpdate, (w, campaign) =>
                {
                    Text(w, "campaignName", campaign.CampaignName);
                    Text(w, "campaignArn", campaign.CampaignArn);
                    Text(w, "solutionArn", campaign.SolutionArn);
                    Text(w, "solutionVersionArn", campaign.SolutionVersionArn);
                    Text(w, "status", campaign.Status);
                });
                List(writer, "externalCopies", receipt.ExternalCopies, (w, copy) =>
                {
                    Text(w, "kind", copy.Kind.ToString());
                    Text(w, "jobName", copy.JobName);
                    Text(w, "jobArn", copy.JobArn);
                    Text(w, "outputLocation", copy.OutputLocation);
                    Text(w, "status", copy.Status);
                    Time(w, "creationDateTime", copy.CreationDateTime);
                });
                Text(writer, "assurance", receipt.Assurance.ToString());
                writer.WriteEndObject();
            }

            buffer.WriteByte((byte)'\n');
            return buffer.ToArray();
        }

        /// <summary>ISO 8601 in UTC, with the fraction only when there is one: 2026-01-02T03:04:05.25Z.</summary>
        public static string FormatTime(DateTime time) =>
            time.ToUniversalTime().ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

        /// <summary>
        /// What decides whether an existing file may be replaced: the job it is a receipt of and that job's state.
        /// False when the content is not a receipt (not JSON, not an object, or without a jobArn).
        /// </summary>
        public static bool TryReadState(byte[] content, out ReceiptState state)
        {
            state = default;
            try
            {
                using JsonDocument document = JsonDocument.Parse(content);
                JsonElement root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("jobArn", out JsonElement jobArn) || jobArn.ValueKind != JsonValueKind.String)
                {
                    return false;
                }

                state = new ReceiptState(jobArn.GetString()!, StringOf(root, "datasetGroupArn"), StringOf(root, "status"), TimeOf(root, "completionDateTime"));
                return true;
            }
            catch (JsonException)
            {
                return false;
            }
        }

        /// <summary>What an existing receipt says of the request; all unknown when the content is not a receipt.</summary>
        public static ReceiptRequest ReadRequest(byte[] content)
        {
            try
            {
                using JsonDocument document = JsonDocument.Parse(content);
                JsonElement root = document.RootElement;
                if (root.ValueKind == JsonValueKind.Object)
                {
                    return new ReceiptRequest(NumberOf(root, "userCount"), NumberOf(root, "duplicateCount"), NumberOf(root, "rejectedCount"), StringOf(root, "stagedSha256"), NumberOf(root, "stagedBytes"));
                }
            }
            catch (JsonException)
            {
                // Not JSON: nothing known.
            }

            return new ReceiptRequest(null, null, null, null, null);
        }

        private static long? NumberOf(JsonElement root, string name) =>
            root.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long number) ? number : null;

        private static string? StringOf(JsonElement root, string name) =>
            root.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        private static DateTime? TimeOf(JsonElement root, string name) =>
            StringOf(root, name) is string text && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out DateTime time)
                ? time
                : null;

        private static void Text(Utf8JsonWriter writer, string name, string? value)
        {
            if (value is null)
            {
                writer.WriteNull(name);
            }
            else
            {
                writer.WriteString(name, value);
            }
        }

        private static void Time(Utf8JsonWriter writer, string name, DateTime? value) => Text(writer, name, value is DateTime time ? FormatTime(time) : null);

        private static void Number(Utf8JsonWriter writer, string name, long? value)
        {
            if (value is long number)
            {
                writer.WriteNumber(name, number);
            }
            else
            {
                writer.WriteNull(name);
            }
        }

        private static void List<T>(Utf8JsonWriter writer, string name, IReadOnlyList<T>? items, Action<Utf8JsonWriter, T> writeMembers)
        {
            if (items is null)
            {
                writer.WriteNull(name);
                return;
            }

            writer.WriteStartArray(name);
            foreach (T item in items)
            {
                writer.WriteStartObject();
                writeMembers(writer, item);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }
    }
}
