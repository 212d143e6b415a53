namespace GeoMas.Ogc.Caching.Invalidation;

/// <summary>The <c>invalidation</c> section: how data changes reach the tile cache (tilecache/README.md).</summary>
public sealed class InvalidationOptions
{
    /// <summary>Listen to the PostGIS change notifications and invalidate tiles (default true; only PostGIS sources report changes).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Install (idempotently) the change-capture triggers on every PostGIS layer table at start.</summary>
    public bool InstallTriggers { get; set; }

    /// <summary>Quiet time after the last change of a layer before its tiles are invalidated.</summary>
    public int DebounceMilliseconds { get; set; } = 500;

    /// <summary>Longest a change waits while changes keep coming (a long import still shows up every few seconds).</summary>
    public int MaxWaitMilliseconds { get; set; } = 2000;

    /// <summary>
    /// Ground margin, in pixels of each matrix, around a changed area: a stroke, symbol or label of a changed feature
    /// reaches into the neighbouring tiles (metatiles render with a 64 px buffer; labels are centred on their anchor).
    /// </summary>
    public int MarginPixels { get; set; } = 128;

    /// <summary>Above this many tile positions for one change, the layer's revision is bumped instead (every tile of it at once).</summary>
    public int MaxPositions { get; set; } = 500_000;

    /// <summary>Dirty rectangles kept per layer within one debounce window; beyond that they are merged into their union.</summary>
    public int MaxDirtyRectangles { get; set; } = 32;
}
