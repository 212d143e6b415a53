using System.Text.Json;
using System.Xml;

namespace GeoMas.Ogc.Integration.Tests.Fuzz;

/// <summary>
/// Whether an error answer (4xx) is in its protocol's form: an OGC ServiceExceptionReport (WMS; or an image when the
/// request asked for EXCEPTIONS=INIMAGE/BLANK), an OWS ExceptionReport (WMTS, WFS), the OGC API exception JSON
/// <c>{"code","description"}</c> (OGC API Features, XYZ and TileJSON, and errors raised before routing), a problem
/// JSON or nothing for the admin endpoints. Bodies the routing layer answers without any handler (404/405 for a path or method
/// no endpoint serves, 400 for a request line Kestrel refuses) are empty: those are accepted when empty.
/// </summary>
public static class ErrorFormCheck
{
    /// <returns>Null when the form is right, else what is wrong.</returns>
    public static string? Check(FuzzRequest request, int status, string? contentType, byte[] body)
    {
        // The admin endpoints are minimal APIs (framework 400/404/415 without a body, problem JSON otherwise); health
        // and metrics have no error form of their own. For them only the status matters.
        if (ProtocolOf(request) is FuzzProtocol.Admin or FuzzProtocol.Operations)
            return null;
        if (request.Method is "HEAD" || status is 401 or 405 or 413 or 414 or 431)
            return body.Length == 0 || status != 401 ? null : CheckByPath(request, status, contentType, body);
        if (body.Length == 0)
            return status is 404 or 400 && !HandlerAnswers(request) ? null : $"empty {status} body";
        return CheckByPath(request, status, contentType, body);
    }

    /// <summary>
    /// A 501 is the answer OWS Common 2.0 (Table 28) gives to an operation or option the server does not implement
    /// (exceptionCode OperationNotSupported / OptionNotSupported), which WFS and the XYZ endpoints follow: it is no
    /// server fault when its body says exactly that. Any other 501 is.
    /// </summary>
    public static string? CheckNotImplemented(FuzzRequest request, string? contentType, byte[] body)
    {
        if (request.Method == "HEAD")
            return ProtocolOf(request) is FuzzProtocol.Wfs or FuzzProtocol.Xyz ? null : "5xx (501)";
        var text = System.Text.Encoding.UTF8.GetString(body);
        var declared = text.Contains("OperationNotSupported", StringComparison.Ordinal) || text.Contains("OptionNotSupported", StringComparison.Ordinal);
        return declared && CheckByPath(request, 501, contentType, body) is null ? null : "5xx (501 without OperationNotSupported)";
    }

    /// <summary>The protocol of the path actually sent (a mutated path may leave the template's protocol).</summary>
    public static FuzzProtocol ProtocolOf(FuzzRequest request) => (request.Segments.Count == 0 ? "" : request.Segments[0].ToLowerInvariant()) switch
    {
        "wms" => FuzzProtocol.Wms,
        "wmts" => FuzzProtocol.Wmts,
        "wfs" => FuzzProtocol.Wfs,
        "tiles" => FuzzProtocol.Xyz,
        "admin" => FuzzProtocol.Admin,
        "health" or "metrics" => FuzzProtocol.Operations,
        _ => FuzzProtocol.OgcApi,
    };

    /// <summary>Requests a handler answers (its path and method unchanged): their errors must have a body.</summary>
    private static bool HandlerAnswers(FuzzRequest request) =>
        !request.Mutations.Any(m => m.StartsWith("path", StringComparison.Ordinal) || m.StartsWith("method", StringComparison.Ordinal))
        && request.Protocol is not (FuzzProtocol.Admin or FuzzProtocol.Operations);

    private static string? CheckByPath(FuzzRequest request, int status, string? contentType, byte[] body)
    {
        // The client collapses a dot segment ("/wfs/%2e%2e" is sent as "/"): another protocol answers, in its own form.
        if (request.Segments.Any(s => s.Contains("%2e%2e", StringComparison.OrdinalIgnoreCase) || s == ".."))
            return XmlRoot(body, "ServiceExceptionReport", "ExceptionReport") is null || OgcApiJson(body) is null ? null : "no known error form";
        switch (ProtocolOf(request))
        {
            case FuzzProtocol.Wms:
                if (contentType?.StartsWith("image/", StringComparison.Ordinal) == true && AsksForImageExceptions(request))
                    return null;
                return XmlRoot(body, "ServiceExceptionReport", "ExceptionReport");
            case FuzzProtocol.Wmts:
            case FuzzProtocol.Wfs:
                return XmlRoot(body, "ExceptionReport");
            case FuzzProtocol.Admin:
            case FuzzProtocol.Operations:
                return null;
            default:
                return OgcApiJson(body);
        }
    }

    private static bool AsksForImageExceptions(FuzzRequest request) => request.Query.Any(p =>
        p.Name.Equals("EXCEPTIONS", StringComparison.OrdinalIgnoreCase)
        && p.Value is { } v && (v.Contains("image", StringComparison.OrdinalIgnoreCase) || v.Contains("blank", StringComparison.OrdinalIgnoreCase)));

    private static string? XmlRoot(byte[] body, params string[] names)
    {
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(body), new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null });
            reader.MoveToContent();
            return names.Contains(reader.LocalName) ? null : $"XML root {reader.LocalName}, expected {string.Join(" or ", names)}";
        }
        catch (XmlException error)
        {
            return "not XML: " + error.Message;
        }
    }

    private static string? OgcApiJson(byte[] body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String
                && root.TryGetProperty("description", out var description) && description.ValueKind == JsonValueKind.String)
                return null;
            return "JSON without code/description";
        }
        catch (JsonException error)
        {
            return "not JSON: " + error.Message;
        }
    }
}
