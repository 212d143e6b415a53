using GeoMas.Ogc.Core.Features;
using GeoMas.Ogc.Core.Usage;
using GeoMas.Ogc.Protocols.Encoding.Gml;
using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Protocols.Wfs.Features;

/// <summary>
/// Writes GML answers: a feature collection streamed from the cursor, a hits collection, a bare feature
/// (GetFeatureById, WFS-O4) and a value collection (GetPropertyValue, WFS-O5). numberReturned is an attribute of the
/// root, written before the members, so it comes from the exact count (run concurrently with the page query) rather
/// than from buffering the page; exactly that many members are then written.
/// </summary>
internal static class WfsGmlResponses
{
    public static async Task CollectionAsync(HttpContext context, WfsGetFeatureRequest request, WfsGmlDocument document,
        IAsyncEnumerator<Feature> rows, bool hasRow, WfsPage page, DateTimeOffset timeStamp, CancellationToken cancellationToken)
    {
        Start(context, request);
        await using var writer = new StreamedXmlWriter(context.Response.BodyWriter);
        var xml = writer.Xml;
        var values = request.ValueReference is not null;
        document.StartCollection(xml, timeStamp, page.NumberMatched, page.NumberReturned, page.Next, page.Previous, values);
        while (hasRow && writer.Count < page.NumberReturned)
        {
            document.StartMember(xml);
            if (request.ValueReference is { } reference)
                WriteValue(xml, document, reference, rows.Current);
            else
                document.FeatureWriter.Write(xml, rows.Current);
            xml.WriteEndElement();
            await writer.ItemWrittenAsync(cancellationToken);
            if (writer.Count < page.NumberReturned)
                hasRow = await rows.MoveNextAsync();
        }
        context.Features.Get<IUsageRecorder>()?.Features(writer.Count);
        xml.WriteEndElement();
        await writer.CompleteAsync(cancellationToken);
    }

    public static async Task HitsAsync(HttpContext context, WfsGetFeatureRequest request, WfsGmlDocument document, WfsPage page,
        DateTimeOffset timeStamp, CancellationToken cancellationToken)
    {
        Start(context, request);
        await using var writer = new StreamedXmlWriter(context.Response.BodyWriter);
        document.StartCollection(writer.Xml, timeStamp, page.NumberMatched, 0, page.Next, null, request.ValueReference is not null);
        writer.Xml.WriteEndElement();
        await writer.CompleteAsync(cancellationToken);
    }

    public static async Task FeatureAsync(HttpContext context, WfsGetFeatureRequest request, WfsGmlDocument document, Feature feature,
        CancellationToken cancellationToken)
    {
        Start(context, request);
        await using var writer = new StreamedXmlWriter(context.Response.BodyWriter);
        writer.Xml.WriteStartDocument();
        document.FeatureWriter.Write(writer.Xml, feature, document.Declarations);
        await writer.CompleteAsync(cancellationToken);
    }

    private static void WriteValue(System.Xml.XmlWriter xml, WfsGmlDocument document, WfsValueReference reference, Feature feature)
    {
        var layout = document.FeatureWriter.Layout;
        switch (reference.Kind)
        {
            case WfsValueKind.GmlId:
                xml.WriteString(layout.IdPrefix + feature.Id);
                break;
            case WfsValueKind.Attribute:
                if (feature.Values.Length > 0 && GmlFeatureWriter.Format(feature.Values[0], reference.Attribute!.Type) is { } text)
                    xml.WriteString(text);
                break;
            case WfsValueKind.Geometry:
                if (feature.Geometry is { IsEmpty: false } geometry)
                    document.GeometryWriter.Write(xml, geometry, layout.IdPrefix + feature.Id + "." + reference.Name);
                break;
        }
    }

    private static void Start(HttpContext context, WfsGetFeatureRequest request)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = request.Format.MediaType;
    }
}
