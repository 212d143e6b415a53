namespace GeoMas.Ogc.Rendering.Map;

/// <summary>Which symbolizers a render pass draws: labels can be placed once for a metatile and drawn by each tile.</summary>
internal enum SymbolizerSelection
{
    /// <summary>Everything, labels placed for this map alone.</summary>
    All,

    /// <summary>Everything but text: the labels come already placed (<see cref="Core.Rendering.MapRequest.Labels"/>).</summary>
    WithoutText,

    /// <summary>Only text: the label pass over a metatile (<see cref="Core.Rendering.IMapRenderer.PlaceLabelsAsync"/>).</summary>
    TextOnly,
}
