using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.IO.Pipelines;
using GeoMas.Ogc.Core.Features;

namespace GeoMas.Ogc.Protocols.Encoding.FlatGeobuf;

/// <summary>
/// Streams features as a FlatGeobuf file (flatgeobuf.org, format 3): magic bytes, the size-prefixed header
/// (name, title, columns, CRS as an EPSG code, geometry type Unknown, feature count 0 = unknown, <b>no spatial
/// index</b>, which is what lets it stream: the index would need every feature before the first one), then one
/// size-prefixed feature after the other. Each feature is encoded in a reused buffer and copied into the pipe,
/// which is flushed after the first feature and every <see cref="FlushEveryBytes"/> bytes: memory stays bounded.
/// Geometries are written x/y as stored (FlatGeobuf is in the CRS's GIS order, as GDAL reads it).
/// </summary>
public sealed class FlatGeobufFeatureCollectionWriter
{
    public const string MediaType = "application/flatgeobuf";

    private static ReadOnlySpan<byte> Magic => [0x66, 0x67, 0x62, 0x03, 0x66, 0x67, 0x62, 0x00];

    private readonly PipeWriter _output;
    private readonly string _name;
    private readonly string? _title;
    private readonly IReadOnlyList<FlatGeobufColumn> _columns;
    private readonly int _epsgCode;
    private readonly FlatBufferWriter _buffer = new();
    private readonly ArrayBufferWriter<byte> _properties = new(1024);
    private readonly List<double> _xy = new(1024);
    private readonly List<uint> _ends = [];
    private long _unflushed;
    private bool _headerWritten;

    /// <param name="output">The response body (or any pipe).</param>
    /// <param name="name">The layer name GDAL shows.</param>
    /// <param name="columns">Columns, aligned with <see cref="Feature.Values"/> of the features written.</param>
    /// <param name="epsgCode">EPSG code of the geometries (4326 for CRS84: GDAL reads it in GIS order).</param>
    /// <param name="title">Human title of the layer.</param>
    public FlatGeobufFeatureCollectionWriter(PipeWriter output, string name, IReadOnlyList<FlatGeobufColumn> columns, int epsgCode, string? title = null)
    {
        _output = output ?? throw new ArgumentNullException(nameof(output));
        _name = name ?? throw new ArgumentNullException(nameof(name));
        _columns = columns ?? throw new ArgumentNullException(nameof(columns));
        if (columns.Count > ushort.MaxValue)
            throw new ArgumentException("FlatGeobuf has at most 65535 columns.", nameof(columns));
        _epsgCode = epsgCode;
        _title = title;
    }

    public int FlushEveryBytes { get; init; } = 64 * 1024;

    /// <summary>Features written so far.</summary>
    public long Count { get; private set; }

    /// <summary>Writes the magic bytes and the header (done automatically before the first feature or at completion).</summary>
    public void WriteHeader()
    {
        if (_headerWritten)
            return;
        _headerWritten = true;
        _output.Write(Magic);

        var root = _buffer.Begin();
        // Header fields (header.fbs): name 0, geometry_type 2, columns 7, index_node_size 9 (0 = no index), crs 10, title 11.
        var header = _buffer.WriteTable(root,
        [
            FlatField.Reference(0), FlatField.UInt8(2, (byte)FlatGeobufGeometryType.Unknown), FlatField.Reference(7),
            FlatField.UInt16(9, 0), FlatField.Reference(10), FlatField.Reference(11),
        ]);
        _buffer.WriteString(header[0], _name);
        var columnSlots = _buffer.WriteReferenceVector(header[2], _columns.Count);
        for (var i = 0; i < _columns.Count; i++)
        {
            var column = _columns[i];
            // Column fields: name 0, type 1, title 2.
            var fields = column.Title is null
                ? _buffer.WriteTable(columnSlots[i], [FlatField.Reference(0), FlatField.UInt8(1, (byte)column.Type)])
                : _buffer.WriteTable(columnSlots[i], [FlatField.Reference(0), FlatField.UInt8(1, (byte)column.Type), FlatField.Reference(2)]);
            _buffer.WriteString(fields[0], column.Name);
            if (column.Title is not null)
                _buffer.WriteString(fields[2], column.Title);
        }
        // Crs fields: org 0, code 1.
        var crs = _buffer.WriteTable(header[4], [FlatField.Reference(0), FlatField.Int32(1, _epsgCode)]);
        _buffer.WriteString(crs[0], "EPSG");
        _buffer.WriteString(header[5], _title ?? _name);
        Emit(_buffer.End());
    }

    public async ValueTask WriteFeatureAsync(Feature feature, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feature);
        WriteHeader();
        EncodeProperties(feature.Values);

        var root = _buffer.Begin();
        var hasGeometry = feature.Geometry is { IsEmpty: false };
        // Feature fields (feature.fbs): geometry 0, properties 1.
        var fields = hasGeometry
            ? _buffer.WriteTable(root, [FlatField.Reference(0), FlatField.Reference(1)])
            : _buffer.WriteTable(root, [FlatField.Reference(1)]);
        if (hasGeometry)
            FlatGeobufGeometryEncoder.Write(_buffer, fields[0], feature.Geometry!, _xy, _ends);
        _buffer.WriteVector<byte>(fields[^1], _properties.WrittenSpan);
        Emit(_buffer.End());

        Count++;
        if (Count == 1 || _unflushed >= FlushEveryBytes)
            await FlushAsync(cancellationToken);
    }

    /// <summary>Writes every feature of <paramref name="features"/>; returns how many.</summary>
    public async ValueTask<long> WriteFeaturesAsync(IAsyncEnumerable<Feature> features, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(features);
        var before = Count;
        await foreach (var feature in features.WithCancellation(cancellationToken))
            await WriteFeatureAsync(feature, cancellationToken);
        return Count - before;
    }

    /// <summary>Writes the header if no feature came, and flushes the rest.</summary>
    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        WriteHeader();
        await FlushAsync(cancellationToken);
    }

    // properties: for each non-null value, its column index (uint16) then the value, little-endian (feature.fbs).
    private void EncodeProperties(object?[] values)
    {
        _properties.ResetWrittenCount();
        var count = Math.Min(values.Length, _columns.Count);
        for (var i = 0; i < count; i++)
        {
            var value = values[i];
            if (value is null or DBNull)
                continue;
            BinaryPrimitives.WriteUInt16LittleEndian(_properties.GetSpan(2), (ushort)i);
            _properties.Advance(2);
            switch (_columns[i].Type)
            {
                case FlatGeobufColumnType.Bool:
                    _properties.GetSpan(1)[0] = Convert.ToBoolean(value, CultureInfo.InvariantCulture) ? (byte)1 : (byte)0;
                    _properties.Advance(1);
                    break;
                case FlatGeobufColumnType.Int:
                    BinaryPrimitives.WriteInt32LittleEndian(_properties.GetSpan(4), Convert.ToInt32(value, CultureInfo.InvariantCulture));
                    _properties.Advance(4);
                    break;
                case FlatGeobufColumnType.Long:
                    BinaryPrimitives.WriteInt64LittleEndian(_properties.GetSpan(8), Convert.ToInt64(value, CultureInfo.InvariantCulture));
                    _properties.Advance(8);
                    break;
                case FlatGeobufColumnType.Double:
                    BinaryPrimitives.WriteDoubleLittleEndian(_properties.GetSpan(8), Convert.ToDouble(value, CultureInfo.InvariantCulture));
                    _properties.Advance(8);
                    break;
                case FlatGeobufColumnType.DateTime:
                    WriteText(FormatDateTime(value));
                    break;
                default:
                    WriteText(FeatureValueFormatter.Format(value) ?? "");
                    break;
            }
        }
    }

    // ISO 8601 as short as exact: GDAL rejects the 33-character round-trip form ("…T20:58:02.0000000+00:00").
    private static string FormatDateTime(object value) => value switch
    {
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset offset => Iso(offset.UtcDateTime) + "Z",
        DateTime { Kind: DateTimeKind.Utc } utc => Iso(utc) + "Z",
        DateTime { Kind: DateTimeKind.Local } local => Iso(local.ToUniversalTime()) + "Z",
        DateTime unspecified when unspecified.TimeOfDay == TimeSpan.Zero => unspecified.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime unspecified => Iso(unspecified),
        _ => FeatureValueFormatter.Format(value) ?? "",
    };

    private static string Iso(DateTime time) =>
        time.ToString(time.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture);

    private void WriteText(string text)
    {
        var byteCount = System.Text.Encoding.UTF8.GetByteCount(text);
        var span = _properties.GetSpan(4 + byteCount);
        BinaryPrimitives.WriteUInt32LittleEndian(span, (uint)byteCount);
        System.Text.Encoding.UTF8.GetBytes(text, span[4..]);
        _properties.Advance(4 + byteCount);
    }

    private void Emit(ReadOnlySpan<byte> bytes)
    {
        _output.Write(bytes);
        _unflushed += bytes.Length;
    }

    private async ValueTask FlushAsync(CancellationToken cancellationToken)
    {
        await ResponseFlush.ToClientAsync(_output, cancellationToken);
        _unflushed = 0;
    }
}
