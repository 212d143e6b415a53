using Microsoft.Win32.SafeHandles;

namespace GeoMas.Ogc.Sources.Rasters.IO;

/// <summary>
/// A file read with positional reads on one shared handle (<see cref="RandomAccess"/>): no stream position,
/// so concurrent requests never lock each other, and the file stays readable and replaceable by others.
/// </summary>
public sealed class FileByteSource : IByteSource
{
    private readonly SafeFileHandle _handle;

    public FileByteSource(string path)
    {
        var fullPath = Path.GetFullPath(path);
        _handle = File.OpenHandle(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, FileOptions.Asynchronous | FileOptions.RandomAccess);
        Length = RandomAccess.GetLength(_handle);
        // The write time and length make the key change when a file is replaced under the same name,
        // so the shared decoded-tile cache never serves the old pixels.
        Key = FormattableString.Invariant($"file:{fullPath}@{File.GetLastWriteTimeUtc(fullPath).Ticks}:{Length}");
    }

    public string Key { get; }

    public long Length { get; }

    public async ValueTask<int> ReadAsync(long offset, Memory<byte> destination, CancellationToken cancellationToken)
    {
        var total = 0;
        while (total < destination.Length)
        {
            var read = await RandomAccess.ReadAsync(_handle, destination[total..], offset + total, cancellationToken).ConfigureAwait(false);
            if (read == 0)
                break;
            total += read;
        }
        return total;
    }

    public void Dispose() => _handle.Dispose();
}
