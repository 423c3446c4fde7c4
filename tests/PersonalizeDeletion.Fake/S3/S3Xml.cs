using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using PersonalizeDeletion.Fake.Hosting;

namespace PersonalizeDeletion.Fake.S3;

/// <summary>S3's XML response conventions: the 2006-03-01 namespace, ISO timestamps, application/xml.</summary>
public static class S3Xml
{
    public static readonly XNamespace Namespace = "http://s3.amazonaws.com/doc/2006-03-01/";

    public static XElement Element(string name, params object?[] content) => new(Namespace + name, content);

    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static FakeResponse Response(int status, XElement root, string? errorCode = null)
    {
        var response = new FakeResponse(status) { Body = Serialize(root), ErrorCode = errorCode };
        response.Headers.Add(new("Content-Type", "application/xml"));
        return response;
    }

    public static byte[] Serialize(XElement root)
    {
        using var stream = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false };
        using (var writer = XmlWriter.Create(stream, settings))
        {
            new XDocument(new XDeclaration("1.0", "UTF-8", null), root).Save(writer);
        }

        return stream.ToArray();
    }

    /// <summary>Parses a request body; S3 answers MalformedXML for anything unreadable.</summary>
    public static XDocument Parse(byte[] body)
    {
        try
        {
            using var stream = new MemoryStream(body, writable: false);
            return XDocument.Load(stream);
        }
        catch (XmlException)
        {
            throw new S3ErrorException(400, "MalformedXML", "The XML you provided was not well-formed or did not validate against our published schema");
        }
    }
}
