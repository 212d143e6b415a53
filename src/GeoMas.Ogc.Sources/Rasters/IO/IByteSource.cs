namespace GeoMas.Ogc.Sources.Rasters.IO;

/// <summary>
/// Random access to the bytes of one immutable object: a file on disk or an object behind HTTP range requests.
/// The COG reader only ever asks for byte ranges through this, so local files and object storage share its code.
/// Implementations are thread-safe: concurrent reads at different offsets are expected.
/// </summary>
public interface IByteSource : IDisposable
{
    /// <summary>Identity of the object for caches (path or URL, plus a version stamp when one is known).</summary>
    string Key { get; }

    /// <summary>
    /// Reads up to <paramref name="destination"/>.Length bytes starting at <paramref name="offset"/>.
    /// Returns the number of bytes read, which is smaller only at the end of the object.
    /// </summary>
    ValueTask<int> ReadAsync(long offset, Memory<byte> destination, CancellationToken cancellationToken);
}
