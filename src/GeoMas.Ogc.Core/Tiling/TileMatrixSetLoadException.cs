namespace GeoMas.Ogc.Core.Tiling;

/// <summary>A tile matrix set folder that cannot be served; <see cref="Errors"/> lists every problem at once.</summary>
public sealed class TileMatrixSetLoadException : Exception
{
    public TileMatrixSetLoadException(IReadOnlyList<string> errors)
        : base("Invalid tile matrix sets:" + Environment.NewLine + string.Join(Environment.NewLine, errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<string> Errors { get; }
}
