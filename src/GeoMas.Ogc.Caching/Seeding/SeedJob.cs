using System.Security.Cryptography;
using System.Text;

namespace GeoMas.Ogc.Caching.Seeding;

/// <summary>What to seed. Zooms are matrix indexes of the set (0 = coarsest), inclusive.</summary>
public sealed record SeedJob
{
    public required IReadOnlyList<string> Layers { get; init; }
    public string TileMatrixSet { get; init; } = "WebMercatorQuad";
    public int MinZoom { get; init; }
    public required int MaxZoom { get; init; }
    /// <summary>Null = each layer's extent.</summary>
    public SeedArea? Area { get; init; }
    public string Style { get; init; } = "default";
    public string Format { get; init; } = "image/png";
    /// <summary>Metatiles rendered at once; default: the number of cores.</summary>
    public int Concurrency { get; init; } = Environment.ProcessorCount;

    /// <summary>Identity of the job for its resume file: same layers, set, zooms, area, style and format = same job.</summary>
    public string Fingerprint()
    {
        var text = string.Join("|", string.Join(",", Layers), TileMatrixSet, MinZoom, MaxZoom, Style, Format, Area?.Srid, Area?.Geometry.ToText());
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }
}
