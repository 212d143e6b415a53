using System.Xml;
using System.Xml.Linq;
using GeoMas.Ogc.Core.Errors;
using GeoMas.Ogc.Protocols.Ows;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace GeoMas.Ogc.Protocols.Wfs;

/// <summary>
/// Reads the three encodings WFS accepts on one URL (WFS 2.0 §6.2): GET KVP (names case-insensitive, WFS-O1), POST
/// <c>application/x-www-form-urlencoded</c> KVP, and POST XML whose root element names the operation. XML bodies are
/// parsed with DTDs prohibited and no resolver (no external entities, XXE), a size cap and a nesting cap; a body the
/// parser refuses is OperationParsingFailed (400).
/// </summary>
public static class WfsRequestReader
{
    public const string Wfs20Namespace = "http://www.opengis.net/wfs/2.0";
    public const string Wfs11Namespace = "http://www.opengis.net/wfs";
    private const string Ows11Namespace = "http://www.opengis.net/ows/1.1";
    private const string Ows10Namespace = "http://www.opengis.net/ows";

    public static async Task<WfsIncomingRequest> ReadAsync(HttpRequest request, WfsOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        if (!HttpMethods.IsPost(request.Method))
            return FromKvp(KvpRequest.From(request.Query));

        if (request.ContentLength > options.MaxRequestBodyBytes)
            throw TooLarge(options);
        var body = await ReadBodyAsync(request.Body, options.MaxRequestBodyBytes, cancellationToken);
        if (request.HasFormContentType)
        {
            var text = System.Text.Encoding.UTF8.GetString(body.Span);
            var form = QueryHelpers.ParseQuery(text);
            return FromKvp(KvpRequest.From(new QueryCollection(new Dictionary<string, StringValues>(form, StringComparer.OrdinalIgnoreCase))));
        }
        return FromXml(ParseXml(body, options));
    }

    public static WfsIncomingRequest FromKvp(KvpRequest kvp)
    {
        ArgumentNullException.ThrowIfNull(kvp);
        return new WfsIncomingRequest(kvp.Get("REQUEST")?.Trim(), kvp.Get("SERVICE")?.Trim(), kvp.Get("VERSION")?.Trim(), kvp.Get("ACCEPTVERSIONS"), kvp, null);
    }

    public static WfsIncomingRequest FromXml(XElement root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var ns = root.Name.NamespaceName;
        if (ns is not (Wfs20Namespace or Wfs11Namespace))
            throw new ServiceException(ErrorKind.InvalidParameter, "OperationParsingFailed",
                $"The request element {root.Name.LocalName} is not in the WFS 2.0 or 1.1 namespace (found '{ns}').", "request");
        var version = (string?)root.Attribute("version");
        string? acceptVersions = null;
        if (root.Name.LocalName == "GetCapabilities")
        {
            var versions = root.Elements().Where(e => e.Name.LocalName == "AcceptVersions")
                .SelectMany(e => e.Elements().Where(v => v.Name.LocalName == "Version" && v.Name.NamespaceName is Ows11Namespace or Ows10Namespace))
                .Select(v => v.Value.Trim()).ToList();
            if (versions.Count > 0)
                acceptVersions = string.Join(',', versions);
        }
        // A request element without version speaks the version of its namespace (GetCapabilities has none by design).
        version ??= root.Name.LocalName == "GetCapabilities" ? null : ns == Wfs20Namespace ? WfsVersion.V200 : WfsVersion.V110;
        return new WfsIncomingRequest(root.Name.LocalName, ((string?)root.Attribute("service"))?.Trim() ?? "WFS", version, acceptVersions, null, root);
    }

    /// <summary>Parses a request body with DTD processing prohibited, no resolver, and the size and depth caps.</summary>
    public static XElement ParseXml(ReadOnlyMemory<byte> body, WfsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (body.IsEmpty)
            throw new ServiceException(ErrorKind.MissingParameter, "MissingParameterValue", "The POST body is empty: send KVP or a WFS request document.", "request");
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = options.MaxRequestBodyBytes,
            MaxCharactersFromEntities = 1024,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
        };
        XElement root;
        try
        {
            var bytes = body.ToArray();
            CheckDepth(bytes, settings, options.MaxXmlDepth);
            using var stream = new MemoryStream(bytes, writable: false);
            using var reader = XmlReader.Create(stream, settings);
            root = XDocument.Load(reader, LoadOptions.None).Root
                ?? throw new ServiceException(ErrorKind.InvalidParameter, "OperationParsingFailed", "The POST body holds no element.", "request");
        }
        catch (XmlException e)
        {
            throw new ServiceException(ErrorKind.InvalidParameter, "OperationParsingFailed",
                $"The request body is not acceptable XML (DTDs and entities are refused): {e.Message}", "request", e);
        }
        return root;
    }

    /// <summary>
    /// Refuses a document nested deeper than <paramref name="maxDepth"/> elements while streaming through it, before
    /// any tree is built: loading a deep document first costs time quadratic in its depth (50 000 nested elements,
    /// under the body limit, took 43 s — found by the endpoint fuzz), so the check must stop at the first element too deep.
    /// </summary>
    private static void CheckDepth(byte[] body, XmlReaderSettings settings, int maxDepth)
    {
        using var stream = new MemoryStream(body, writable: false);
        using var reader = XmlReader.Create(stream, settings);
        while (reader.Read())
        {
            // Depth counts from 0 at the root element.
            if (reader.NodeType == XmlNodeType.Element && reader.Depth >= maxDepth)
                throw new ServiceException(ErrorKind.InvalidParameter, "OperationParsingFailed", $"The request document is nested deeper than {maxDepth} elements.", "request");
        }
    }

    // The body is bounded, so holding it is bounded too; Content-Length may be absent (chunked), hence the counting.
    private static async Task<ReadOnlyMemory<byte>> ReadBodyAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
                throw TooLarge(new WfsOptions { MaxRequestBodyBytes = limit });
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static ServiceException TooLarge(WfsOptions options) =>
        new(ErrorKind.LimitExceeded, "OperationParsingFailed",
            $"The request body is larger than {options.MaxRequestBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)} bytes.", "request");
}
