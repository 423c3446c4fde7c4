using System;
using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;

namespace PersonalizeDeletion.Fake.Personalize;

/// <summary>
/// An opaque nextToken: the sort key of the last item returned (newest-first order), bound to the
/// listing and filter it came from. Keyset positions keep pages stable while jobs are being created.
/// </summary>
public sealed record PageToken(string Listing, string Filter, long CreationTicks, string Name)
{
    public string Encode() => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(new[] { Listing, Filter, CreationTicks.ToString(CultureInfo.InvariantCulture), Name }));

    /// <summary>Decodes a token issued for the same listing and filter; anything else is InvalidNextTokenException.</summary>
    public static PageToken Decode(string token, string listing, string filter)
    {
        try
        {
            var parts = JsonSerializer.Deserialize<string[]>(Base64Url.DecodeFromChars(token));
            if (parts is { Length: 4 }
                && parts[0] == listing
                && parts[1] == filter
                && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks))
            {
                return new PageToken(listing, filter, ticks, parts[3]);
            }
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            // Not a token this fake issued; answered below like any other invalid token.
        }

        throw PersonalizeErrorException.InvalidNextToken();
    }

    /// <summary>True when this position sorts before the given item in newest-first, then name, order.</summary>
    public bool IsBefore(DateTimeOffset creation, string name) =>
        creation.UtcTicks < CreationTicks || (creation.UtcTicks == CreationTicks && string.CompareOrdinal(name, Name) > 0);
}
