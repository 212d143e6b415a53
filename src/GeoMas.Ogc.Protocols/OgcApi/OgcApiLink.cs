using System.Text.Json;

namespace GeoMas.Ogc.Protocols.OgcApi;

/// <summary>A link object (Part 1 link.yaml): absolute href, rel, media type and title.</summary>
public sealed record OgcApiLink(string Href, string Rel, string Type, string? Title = null)
{
    public void Write(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("href", Href);
        json.WriteString("rel", Rel);
        json.WriteString("type", Type);
        if (Title is not null)
            json.WriteString("title", Title);
        json.WriteEndObject();
    }

    public static void WriteArray(Utf8JsonWriter json, IEnumerable<OgcApiLink> links)
    {
        json.WriteStartArray("links");
        foreach (var link in links)
            link.Write(json);
        json.WriteEndArray();
    }
}
