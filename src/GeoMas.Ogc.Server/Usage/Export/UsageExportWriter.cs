using System.Globalization;
using System.Text;
using System.Text.Json;

namespace GeoMas.Ogc.Server.Usage.Export;

/// <summary>
/// Writes an export as CSV (RFC 4180, header line, for the cost-sharing spreadsheet) or JSON
/// (<c>{"from","to","groupBy","rows":[{...}]}</c>). Counter exports have requests, tiles, features and bytes;
/// client exports have clients (the distinct-client estimate).
/// </summary>
public static class UsageExportWriter
{
    public static string ContentType(UsageQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query.Format == "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8";
    }

    public static async Task WriteAsync(Stream output, UsageQuery query, IReadOnlyList<UsageRow> rows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(rows);
        if (query.Format == "csv")
            await WriteCsvAsync(output, query, rows, cancellationToken).ConfigureAwait(false);
        else
            await WriteJsonAsync(output, query, rows, cancellationToken).ConfigureAwait(false);
    }

    private static string[] Measures(UsageQuery query) => query.Clients ? ["clients"] : ["requests", "tiles", "features", "bytes"];

    private static long[] Values(UsageQuery query, UsageRow row) => query.Clients ? [row.Clients] : [row.Requests, row.Tiles, row.Features, row.Bytes];

    private static async Task WriteCsvAsync(Stream output, UsageQuery query, IReadOnlyList<UsageRow> rows, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), 16 * 1024, leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(string.Join(',', query.GroupBy.Select(UsageQuery.Name).Concat(Measures(query)))).ConfigureAwait(false);
        foreach (var row in rows)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var line = string.Join(',', row.Values.Select(Csv).Concat(Values(query, row).Select(v => v.ToString(CultureInfo.InvariantCulture))));
            await writer.WriteLineAsync(line).ConfigureAwait(false);
        }
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task WriteJsonAsync(Stream output, UsageQuery query, IReadOnlyList<UsageRow> rows, CancellationToken cancellationToken)
    {
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("from", query.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteString("to", query.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        json.WriteStartArray("groupBy");
        foreach (var dimension in query.GroupBy)
            json.WriteStringValue(UsageQuery.Name(dimension));
        json.WriteEndArray();
        json.WriteStartArray("rows");
        var measures = Measures(query);
        foreach (var row in rows)
        {
            json.WriteStartObject();
            for (var i = 0; i < query.GroupBy.Count; i++)
                json.WriteString(UsageQuery.Name(query.GroupBy[i]), row.Values[i]);
            var values = Values(query, row);
            for (var i = 0; i < measures.Length; i++)
                json.WriteNumber(measures[i], values[i]);
            json.WriteEndObject();
            if (json.BytesPending > 16 * 1024)
                await json.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        json.WriteEndArray();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    private static string Csv(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
