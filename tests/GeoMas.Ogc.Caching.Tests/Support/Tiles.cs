using GeoMas.Ogc.Caching;
using GeoMas.Ogc.Core.Caching;

namespace GeoMas.Ogc.Caching.Tests.Support;

internal static class Tiles
{
    public static TileKey Key(long row = 1, long col = 2, string style = "default", string format = "image/png", long revision = 1, string layer = "parcelles") =>
        new(layer, style, "LAMB93", "10", row, col, format, "", "public", revision);

    public static TileContent Content(int size = 100, byte fill = 7, bool blank = false)
    {
        var bytes = new byte[size];
        Array.Fill(bytes, fill);
        return new TileContent(bytes, "image/png", TileEtag.Compute(bytes), blank);
    }
}
