using System.Xml;
using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Server.Protection;

/// <summary>
/// Which requests are feature responses for the <see cref="ExportGate"/>: WFS GetFeature / GetPropertyValue (KVP,
/// or the root element of a POSTed XML request) and OGC API Features items (pages, HTML and downloads); a single
/// item (/items/{fid}) is not.
/// </summary>
public static class ExportRequests
{
    /// <summary>Bytes of a POST body read to find its root element (it comes first, after at most a prolog).</summary>
    private const int PeekBytes = 4096;

    public static async ValueTask<bool> IsExportAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var path = request.Path;
        if (path.StartsWithSegments("/collections", StringComparison.OrdinalIgnoreCase, out var rest))
        {
            var segments = (rest.Value ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
            return segments.Length == 2 && segments[1].Equals("items", StringComparison.OrdinalIgnoreCase);
        }
        if (!path.StartsWithSegments("/wfs", StringComparison.OrdinalIgnoreCase))
            return false;
        foreach (var (key, value) in request.Query)
        {
            if (key.Equals("REQUEST", StringComparison.OrdinalIgnoreCase))
                return IsFeatureOperation(value.ToString());
        }
        return HttpMethods.IsPost(request.Method) && IsFeatureOperation(await RootElementAsync(request, cancellationToken).ConfigureAwait(false));
    }

    private static bool IsFeatureOperation(string? operation) =>
        operation is not null && (operation.Equals("GetFeature", StringComparison.OrdinalIgnoreCase)
                                  || operation.Equals("GetPropertyValue", StringComparison.OrdinalIgnoreCase));

    /// <summary>The local name of the body's root element; the body is rewound for the endpoint.</summary>
    private static async Task<string?> RootElementAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.EnableBuffering();
        var buffer = new byte[PeekBytes];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await request.Body.ReadAsync(buffer.AsMemory(read), cancellationToken).ConfigureAwait(false)) > 0)
            read += n;
        request.Body.Position = 0;
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(buffer, 0, read), settings);
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element)
                    return reader.LocalName;
            }
        }
        catch (XmlException)
        {
            // Not XML, or cut inside the root tag: the WFS endpoint answers it; no feature response follows.
        }
        return null;
    }
}
