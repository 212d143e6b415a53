using GeoMas.Ogc.Core.Features;

namespace GeoMas.Ogc.Rendering.Symbolizers;

/// <summary>A TextSymbolizer's label and priority expressions compiled against one query's property list.</summary>
internal sealed record CompiledText(Func<Feature, string?> Label, Func<Feature, object?>? Priority);
