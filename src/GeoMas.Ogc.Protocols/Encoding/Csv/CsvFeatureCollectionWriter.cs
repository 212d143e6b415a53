using System.IO.Pipelines;
using GeoMas.Ogc.Core.Features;
using GeoMas.Ogc.Protocols.Encoding.Text;
using NetTopologySuite.IO;

namespace GeoMas.Ogc.Protocols.Encoding.Csv;

/// <summary>
/// Streams features as CSV (RFC 4180: comma separator, CRLF line ends, fields quoted when they hold a comma, a
/// quote or a line break, quotes doubled) in UTF-8 without BOM into a <see cref="PipeWriter"/>. The header row is
/// the attribute names, then <see cref="GeometryColumn"/> holding the geometry as WKT (x/y as stored, no axis swap:
/// GDAL's CSV driver and QGIS read a column named WKT as the geometry). Values are formatted invariantly
/// (<see cref="FeatureValueFormatter"/>); null is an empty field. The pipe is flushed after the first row and then
/// every <see cref="FlushEveryBytes"/> bytes, so memory stays bounded whatever the number of rows.
/// Shared by OGC API Features (<c>f=csv</c>) and WFS (<c>outputFormat=text/csv</c>).
/// </summary>
public sealed class CsvFeatureCollectionWriter : IAsyncDisposable
{
    public const string MediaType = "text/csv";
    public const string ContentType = "text/csv; charset=utf-8";
    public const string GeometryColumn = "WKT";

    private readonly Utf8PipeTextWriter _text;
    private readonly IReadOnlyList<string> _attributes;
    private readonly bool _includeGeometry;
    private readonly WKTWriter _wkt = new(2) { OutputOrdinates = NetTopologySuite.Geometries.Ordinates.XY };
    private readonly System.Text.StringBuilder _field = new();
    private bool _headerWritten;

    /// <param name="output">The response body (or any pipe).</param>
    /// <param name="attributes">Column names, aligned with <see cref="Feature.Values"/> of the features written.</param>
    /// <param name="includeGeometry">Adds the <see cref="GeometryColumn"/> column last.</param>
    public CsvFeatureCollectionWriter(PipeWriter output, IReadOnlyList<string> attributes, bool includeGeometry = true)
    {
        ArgumentNullException.ThrowIfNull(output);
        _attributes = attributes ?? throw new ArgumentNullException(nameof(attributes));
        _includeGeometry = includeGeometry;
        _text = new Utf8PipeTextWriter(output);
    }

    public int FlushEveryBytes { get; init; } = 64 * 1024;

    /// <summary>Rows written so far (header excluded).</summary>
    public long Count { get; private set; }

    /// <summary>Writes the header row (done automatically before the first feature or at completion).</summary>
    public void WriteHeader()
    {
        if (_headerWritten)
            return;
        _headerWritten = true;
        for (var i = 0; i < _attributes.Count; i++)
        {
            if (i > 0)
                _text.Write(',');
            WriteField(_attributes[i]);
        }
        if (_includeGeometry)
        {
            if (_attributes.Count > 0)
                _text.Write(',');
            _text.Write(GeometryColumn);
        }
        _text.Write("\r\n");
    }

    public async ValueTask WriteFeatureAsync(Feature feature, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(feature);
        WriteHeader();
        for (var i = 0; i < _attributes.Count; i++)
        {
            if (i > 0)
                _text.Write(',');
            WriteField(i < feature.Values.Length ? FeatureValueFormatter.Format(feature.Values[i]) : null);
        }
        if (_includeGeometry)
        {
            if (_attributes.Count > 0)
                _text.Write(',');
            if (feature.Geometry is { IsEmpty: false } geometry)
            {
                // WKT holds commas: always quoted.
                _text.Write('"');
                _wkt.Write(geometry, _text);
                _text.Write('"');
            }
        }
        _text.Write("\r\n");
        Count++;
        _text.Flush();
        if (Count == 1 || _text.UnflushedBytes >= FlushEveryBytes)
            await _text.FlushToPipeAsync(cancellationToken);
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

    /// <summary>Writes the header if no row came, and flushes the rest.</summary>
    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        WriteHeader();
        await _text.CompleteAsync(cancellationToken);
    }

    private void WriteField(string? value)
    {
        if (string.IsNullOrEmpty(value))
            return;
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            _text.Write(value);
            return;
        }
        _field.Clear().Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        foreach (var chunk in _field.GetChunks())
            _text.Write(chunk.Span);
    }

    public ValueTask DisposeAsync()
    {
        _text.Dispose();
        return ValueTask.CompletedTask;
    }
}
