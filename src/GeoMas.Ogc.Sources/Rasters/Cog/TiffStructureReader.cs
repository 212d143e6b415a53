using System.Buffers.Binary;
using GeoMas.Ogc.Sources.Rasters.IO;

namespace GeoMas.Ogc.Sources.Rasters.Cog;

/// <summary>
/// Reads the header and every IFD of a TIFF/BigTIFF (either byte order). A COG puts all directories and their
/// tile offset arrays at the start of the file, so one speculative read of the first bytes usually answers
/// everything; anything beyond it is fetched with one extra read per block of bytes.
/// </summary>
internal sealed class TiffStructureReader
{
    private const int MaxDirectories = 1024;

    private readonly IByteSource _source;
    private byte[] _prefix;
    private bool _little;

    private TiffStructureReader(IByteSource source, byte[] prefix)
    {
        _source = source;
        _prefix = prefix;
    }

    public static async ValueTask<TiffStructure> ReadAsync(IByteSource source, int speculativeBytes, CancellationToken cancellationToken)
    {
        var buffer = new byte[Math.Max(speculativeBytes, 16)];
        var read = await source.ReadAsync(0, buffer, cancellationToken).ConfigureAwait(false);
        var reader = new TiffStructureReader(source, buffer.AsSpan(0, read).ToArray());
        return await reader.ParseAsync(cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<TiffStructure> ParseAsync(CancellationToken cancellationToken)
    {
        if (_prefix.Length < 8)
            throw new CogFormatException($"{_source.Key}: too short to be a TIFF file.");
        _little = (_prefix[0], _prefix[1]) switch
        {
            ((byte)'I', (byte)'I') => true,
            ((byte)'M', (byte)'M') => false,
            _ => throw new CogFormatException($"{_source.Key}: not a TIFF file (no II/MM byte order mark)."),
        };
        var version = U16(_prefix, 2);
        bool big;
        ulong offset;
        if (version == 42)
        {
            big = false;
            offset = U32(_prefix, 4);
        }
        else if (version == 43)
        {
            if (_prefix.Length < 16 || U16(_prefix, 4) != 8)
                throw new CogFormatException($"{_source.Key}: malformed BigTIFF header.");
            big = true;
            offset = U64(_prefix, 8);
        }
        else
        {
            throw new CogFormatException(FormattableString.Invariant($"{_source.Key}: not a TIFF file (version {version})."));
        }

        var directories = new List<TiffDirectory>();
        var seen = new HashSet<ulong>();
        while (offset != 0)
        {
            if (!seen.Add(offset) || directories.Count >= MaxDirectories)
                throw new CogFormatException($"{_source.Key}: the IFD chain loops.");
            var (directory, next) = await ReadDirectoryAsync(offset, big, cancellationToken).ConfigureAwait(false);
            directories.Add(directory);
            offset = next;
        }
        if (directories.Count == 0)
            throw new CogFormatException($"{_source.Key}: the TIFF has no image directory.");
        return new TiffStructure(_little, big, directories);
    }

    private async ValueTask<(TiffDirectory Directory, ulong Next)> ReadDirectoryAsync(ulong offset, bool big, CancellationToken cancellationToken)
    {
        var countSize = big ? 8 : 2;
        var entrySize = big ? 20 : 12;
        var head = await BytesAsync(offset, countSize, cancellationToken).ConfigureAwait(false);
        var count = big ? U64(head, 0) : U16(head, 0);
        if (count > 4096)
            throw new CogFormatException(FormattableString.Invariant($"{_source.Key}: IFD at {offset} claims {count} entries."));
        var bodyLength = checked((int)count * entrySize + (big ? 8 : 4));
        var body = await BytesAsync(offset + (ulong)countSize, bodyLength, cancellationToken).ConfigureAwait(false);

        var fields = new Dictionary<ushort, TiffField>();
        for (var i = 0; i < (int)count; i++)
        {
            var at = i * entrySize;
            var tag = U16(body, at);
            if (!TiffTag.IsKnown(tag))
                continue;
            var type = U16(body, at + 2);
            var valueCount = big ? U64(body, at + 4) : U32(body, at + 4);
            var typeSize = TypeSize(type);
            if (typeSize == 0 || valueCount > int.MaxValue / 8)
                continue;
            var byteLength = checked((int)valueCount * typeSize);
            var inlineSize = big ? 8 : 4;
            var valueAt = at + (big ? 12 : 8);
            byte[] raw;
            if (byteLength <= inlineSize)
            {
                raw = body.AsSpan(valueAt, byteLength).ToArray();
            }
            else
            {
                var valueOffset = big ? U64(body, valueAt) : U32(body, valueAt);
                raw = await BytesAsync(valueOffset, byteLength, cancellationToken).ConfigureAwait(false);
            }
            fields[tag] = Decode(type, (int)valueCount, raw);
        }
        var next = big ? U64(body, (int)count * entrySize) : U32(body, (int)count * entrySize);
        return (new TiffDirectory(fields), next);
    }

    private TiffField Decode(ushort type, int count, byte[] raw)
    {
        switch (type)
        {
            case 1 or 6 or 7:
                return new TiffField(raw, isAscii: false);
            case 2:
                return new TiffField(raw, isAscii: true);
            case 3 or 8:
                {
                    var values = new ulong[count];
                    for (var i = 0; i < count; i++)
                        values[i] = type == 8 ? (ulong)(short)U16(raw, i * 2) : U16(raw, i * 2);
                    return new TiffField(values);
                }
            case 4 or 9 or 13:
                {
                    var values = new ulong[count];
                    for (var i = 0; i < count; i++)
                        values[i] = type == 9 ? (ulong)(int)U32(raw, i * 4) : U32(raw, i * 4);
                    return new TiffField(values);
                }
            case 16 or 17 or 18:
                {
                    var values = new ulong[count];
                    for (var i = 0; i < count; i++)
                        values[i] = U64(raw, i * 8);
                    return new TiffField(values);
                }
            case 5 or 10:
                {
                    var values = new double[count];
                    for (var i = 0; i < count; i++)
                    {
                        double numerator = type == 10 ? (int)U32(raw, i * 8) : U32(raw, i * 8);
                        double denominator = type == 10 ? (int)U32(raw, i * 8 + 4) : U32(raw, i * 8 + 4);
                        values[i] = denominator == 0 ? 0 : numerator / denominator;
                    }
                    return new TiffField(values);
                }
            case 11:
                {
                    var values = new double[count];
                    for (var i = 0; i < count; i++)
                        values[i] = BitConverter.Int32BitsToSingle((int)U32(raw, i * 4));
                    return new TiffField(values);
                }
            default:
                {
                    var values = new double[count];
                    for (var i = 0; i < count; i++)
                        values[i] = BitConverter.Int64BitsToDouble((long)U64(raw, i * 8));
                    return new TiffField(values);
                }
        }
    }

    private static int TypeSize(ushort type) => type switch
    {
        1 or 2 or 6 or 7 => 1,
        3 or 8 => 2,
        4 or 9 or 11 or 13 => 4,
        5 or 10 or 12 or 16 or 17 or 18 => 8,
        _ => 0,
    };

    private async ValueTask<byte[]> BytesAsync(ulong offset, int length, CancellationToken cancellationToken)
    {
        var end = offset + (ulong)length;
        if (end > (ulong)_prefix.Length && offset <= (ulong)_prefix.Length * 4)
        {
            // Just past the prefix: a COG whose header (IFDs and offset arrays, all before the imagery) is longer
            // than the first read. Grow the prefix fourfold instead of one small read per tag.
            var grown = (int)Math.Max(end, (ulong)_prefix.Length * 4);
            var more = new byte[grown - _prefix.Length];
            var read = await _source.ReadAsync(_prefix.Length, more, cancellationToken).ConfigureAwait(false);
            _prefix = [.. _prefix, .. more.AsSpan(0, read)];
        }
        if (end <= (ulong)_prefix.Length)
            return _prefix.AsSpan((int)offset, length).ToArray();
        return await _source.ReadExactlyAsync(checked((long)offset), length, cancellationToken).ConfigureAwait(false);
    }

    private ushort U16(byte[] b, int at) => _little ? BinaryPrimitives.ReadUInt16LittleEndian(b.AsSpan(at)) : BinaryPrimitives.ReadUInt16BigEndian(b.AsSpan(at));
    private uint U32(byte[] b, int at) => _little ? BinaryPrimitives.ReadUInt32LittleEndian(b.AsSpan(at)) : BinaryPrimitives.ReadUInt32BigEndian(b.AsSpan(at));
    private ulong U64(byte[] b, int at) => _little ? BinaryPrimitives.ReadUInt64LittleEndian(b.AsSpan(at)) : BinaryPrimitives.ReadUInt64BigEndian(b.AsSpan(at));
}
