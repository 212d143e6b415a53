using GeoMas.Ogc.Core.Catalog;

namespace GeoMas.Ogc.Sources.Sql;

/// <summary>The columns a layer definition relies on, with the role each plays (for validation messages).</summary>
internal static class ExpectedColumns
{
    public static IEnumerable<(string Column, string Role)> Of(LayerDefinition layer)
    {
        yield return (layer.IdColumn, "id");
        yield return (layer.GeometryColumn, "geometry");
        foreach (var attribute in layer.Attributes)
            yield return (attribute.Name, "attribute");
        if (layer.Time is { } time)
        {
            yield return (time.StartColumn, "time start");
            if (time.EndColumn is not null)
                yield return (time.EndColumn, "time end");
        }
    }
}
