using GeoMas.Ogc.Core.Crs;

namespace GeoMas.Ogc.Core.Tests.Crs;

/// <summary>One registry for all CRS tests, as in production (it is built once and is thread-safe).</summary>
internal static class SharedRegistry
{
    public static CrsRegistry Instance { get; } = new();
}
