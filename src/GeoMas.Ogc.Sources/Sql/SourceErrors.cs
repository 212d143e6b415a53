using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Errors;

namespace GeoMas.Ogc.Sources.Sql;

/// <summary>Typed failures shared by the sources.</summary>
internal static class SourceErrors
{
    public static ServiceException Misconfigured(LayerDefinition layer, string problem) =>
        new(ErrorKind.Internal, "NoApplicableCode", $"Layer '{layer.Id}' is misconfigured: {problem}");

    public static string TableOf(LayerDefinition layer) =>
        string.IsNullOrWhiteSpace(layer.Table) ? throw Misconfigured(layer, "no table is configured.") : layer.Table;
}
