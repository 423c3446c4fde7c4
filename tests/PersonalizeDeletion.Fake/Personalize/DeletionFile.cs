using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace PersonalizeDeletion.Fake.Personalize;

/// <summary>
/// Reads one data deletion file the way the service requires it: UTF-8, a header that is exactly
/// USER_ID, one column per record (RFC 4180 quoting allowed), blank lines ignored.
/// </summary>
public static class DeletionFile
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Adds the file's user IDs to <paramref name="userIds"/>; returns why the service would fail the job, or null.</summary>
    public static string? Read(string uri, byte[] data, ISet<string> userIds)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(data);
        }
        catch (DecoderFallbackException e)
        {
            return string.Create(CultureInfo.InvariantCulture, $"The input file {uri} is not valid UTF-8 (invalid byte at position {e.Index}). Save the file with UTF-8 encoding and try again.");
        }

        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var position = 0;
        var line = 1;
        var header = NextRecord(text, ref position, ref line);
        if (header is null || header.Count != 1 || header[0] != "USER_ID")
        {
            var found = header is null ? string.Empty : string.Join(",", header);
            return $"The input file {uri} has an invalid header. A data deletion file must have exactly one column, USER_ID, but the header is '{found}'.";
        }

        while (position < text.Length)
        {
            var recordLine = line;
            var record = NextRecord(text, ref position, ref line);
            if (record is null)
            {
                return string.Create(CultureInfo.InvariantCulture, $"The input file {uri} is not a valid CSV file: a quoted field that starts on line {recordLine} is not closed.");
            }

            if (record.Count == 1 && record[0].Length == 0)
            {
                continue;
            }

            if (record.Count != 1)
            {
                return string.Create(CultureInfo.InvariantCulture, $"The input file {uri} has {record.Count} columns on line {recordLine}. A data deletion file must have exactly one column, USER_ID.");
            }

            userIds.Add(record[0]);
        }

        return null;
    }

    /// <summary>The fields of the record at <paramref name="position"/>; null when a quoted field never closes.</summary>
    private static List<string>? NextRecord(string text, ref int position, ref int line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var i = position;
        while (i < text.Length)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        field.Append('"');
                        i += 2;
                        continue;
                    }

                    quoted = false;
                }
                else
                {
                    if (c == '\n')
                    {
                        line++;
                    }

                    field.Append(c);
                }

                i++;
                continue;
            }

            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r' when i + 1 < text.Length && text[i + 1] == '\n':
                    break;
                case '\n':
                    fields.Add(field.ToString());
                    position = i + 1;
                    line++;
                    return fields;
                default:
                    field.Append(c);
                    break;
            }

            i++;
        }

        if (quoted)
        {
            position = text.Length;
            return null;
        }

        fields.Add(field.ToString());
        position = text.Length;
        return fields;
    }
}
