using System.Globalization;
using System.Text.Json;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;

namespace GeoMas.Ogc.Protocols.OgcApi;

/// <summary>
/// One collection description, identical in <c>/collections</c> and <c>/collections/{id}</c> (OAF-5, OAF-6,
/// OAF-CRS2): id, title, description, links (items per encoding, queryables), extent (CRS84 bbox; temporal interval
/// of time-enabled layers), itemType, crs, storageCrs.
/// </summary>
public static class CollectionWriter
{
    public const string QueryablesRel = "http://www.opengis.net/def/rel/ogc/1.0/queryables";
    private const string Gregorian = "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian";

    public static void Write(Utf8JsonWriter json, LayerDefinition layer, OgcApiServices services, IEnumerable<OgcApiLink> selfLinks)
    {
        var collectionUrl = services.Url(OgcApiEndpoints.CollectionPath(layer.Id));
        json.WriteStartObject();
        json.WriteString("id", layer.Id);
        json.WriteString("title", layer.Title);
        json.WriteString("description", layer.Abstract);
        if (layer.Keywords.Count > 0)
        {
            json.WriteStartArray("keywords");
            foreach (var keyword in layer.Keywords)
                json.WriteStringValue(keyword);
            json.WriteEndArray();
        }

        var links = selfLinks
            .Concat(OgcApiRepresentation.Features.Select(r => new OgcApiLink(
                collectionUrl + "/items?f=" + r.FormatName, "items", r.MediaType, $"{layer.Title} ({r.FormatName})")))
            .Append(new OgcApiLink(collectionUrl + "/queryables", QueryablesRel, OgcApiMediaTypes.JsonSchema, "Queryable properties"))
            // Open-data downloads of the whole collection (OgcApi/Downloads/FeatureDownload).
            .Concat(new[] { (OgcApiRepresentation.Csv, "CSV"), (OgcApiRepresentation.FlatGeobuf, "FlatGeobuf") }.Select(d => new OgcApiLink(
                collectionUrl + "/items?f=" + d.Item1.FormatName, "enclosure", d.Item1.MediaType, $"{layer.Title}: download ({d.Item2})")))
            // Map tiles and maps of the collection (OgcApi/Tiles, OgcApi/Maps).
            .Concat(Tiles.OgcApiTilesLinks.ForCollection(services, layer))
            .Concat(Maps.OgcApiMapsLinks.ForCollection(services, layer));
        OgcApiLink.WriteArray(json, links);

        WriteExtent(json, layer);
        json.WriteString("itemType", "feature");
        json.WriteStartArray("crs");
        foreach (var crs in OgcApiCrs.Supported(layer, services.Snapshot, services.Crs))
            json.WriteStringValue(crs.ToHttpUri());
        json.WriteEndArray();
        json.WriteString("storageCrs", OgcApiCrs.StorageCrsUri(layer));
        json.WriteEndObject();
    }

    private static void WriteExtent(Utf8JsonWriter json, LayerDefinition layer)
    {
        var box = layer.GeographicExtent;
        var hasTime = layer.Time?.Min is not null;
        if (box.IsNull && !hasTime)
            return;

        json.WriteStartObject("extent");
        if (!box.IsNull)
        {
            json.WriteStartObject("spatial");
            json.WriteStartArray("bbox");
            json.WriteStartArray();
            json.WriteNumberValue(box.MinX);
            json.WriteNumberValue(box.MinY);
            json.WriteNumberValue(box.MaxX);
            json.WriteNumberValue(box.MaxY);
            json.WriteEndArray();
            json.WriteEndArray();
            json.WriteString("crs", CrsIdentifier.Crs84.ToHttpUri());
            json.WriteEndObject();
        }
        if (layer.Time?.Min is { } first)
        {
            // Open end: the zones without an end date are in force today.
            json.WriteStartObject("temporal");
            json.WriteStartArray("interval");
            json.WriteStartArray();
            json.WriteStringValue(first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z");
            json.WriteNullValue();
            json.WriteEndArray();
            json.WriteEndArray();
            json.WriteString("trs", Gregorian);
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }
}
