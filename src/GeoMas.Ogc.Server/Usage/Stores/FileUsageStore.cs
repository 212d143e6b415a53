using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace GeoMas.Ogc.Server.Usage.Stores;

/// <summary>
/// The embedded default's store: one JSON-lines file per UTC day (<c>usage-2026-11-28.jsonl</c>), one line per
/// counter key and one per application's client sketch. A flush merges its batch into the day's file and replaces
/// the file atomically (write a temporary file, then rename), under a lock file so that two servers or a server and
/// a CLI export sharing the folder never interleave. The files are plain text: <c>jq</c> reads them.
/// </summary>
public sealed class FileUsageStore : IUsageStore
{
    private const string Prefix = "usage-";
    private const string Extension = ".jsonl";

    private readonly SemaphoreSlim _gate = new(1, 1);

    public FileUsageStore(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory = directory;
    }

    public string Directory { get; }

    public async Task WriteAsync(UsageBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.IsEmpty)
            return;
        System.IO.Directory.CreateDirectory(Directory);
        var days = batch.Counters.Select(c => c.Key.Day).Concat(batch.Clients.Select(c => c.Day)).Distinct();
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var fileLock = await AcquireLockAsync(cancellationToken).ConfigureAwait(false);
            foreach (var day in days)
            {
                var (counters, clients) = await LoadDayAsync(day, cancellationToken).ConfigureAwait(false);
                foreach (var record in batch.Counters.Where(c => c.Key.Day == day))
                    counters[record.Key] = counters.TryGetValue(record.Key, out var stored) ? stored.Plus(record) : record;
                foreach (var sketch in batch.Clients.Where(c => c.Day == day))
                {
                    if (!clients.TryGetValue(sketch.Application, out var stored))
                        clients[sketch.Application] = stored = new HyperLogLog();
                    stored.Merge(sketch.Registers);
                }
                await SaveDayAsync(day, counters.Values, clients, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public async IAsyncEnumerable<UsageRecord> ReadCountersAsync(DateOnly from, DateOnly to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var day in StoredDays(from, to))
        {
            var (counters, _) = await LoadDayAsync(day, cancellationToken).ConfigureAwait(false);
            foreach (var record in counters.Values)
                yield return record;
        }
    }

    public async IAsyncEnumerable<ClientSketch> ReadClientsAsync(DateOnly from, DateOnly to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var day in StoredDays(from, to))
        {
            var (_, clients) = await LoadDayAsync(day, cancellationToken).ConfigureAwait(false);
            foreach (var (application, sketch) in clients)
                yield return new ClientSketch(day, application, sketch.ToArray());
        }
    }

    private string PathOf(DateOnly day) =>
        Path.Combine(Directory, Prefix + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + Extension);

    private IEnumerable<DateOnly> StoredDays(DateOnly from, DateOnly to)
    {
        if (!System.IO.Directory.Exists(Directory))
            return [];
        return System.IO.Directory.EnumerateFiles(Directory, Prefix + "*" + Extension)
            .Select(f => Path.GetFileName(f)[Prefix.Length..^Extension.Length])
            .Select(d => DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : (DateOnly?)null)
            .OfType<DateOnly>()
            .Where(d => d >= from && d <= to)
            .Order();
    }

    private async Task<(Dictionary<UsageKey, UsageRecord> Counters, SortedDictionary<string, HyperLogLog> Clients)> LoadDayAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var counters = new Dictionary<UsageKey, UsageRecord>();
        var clients = new SortedDictionary<string, HyperLogLog>(StringComparer.Ordinal);
        var path = PathOf(day);
        if (!File.Exists(path))
            return (counters, clients);
        var number = 0;
        foreach (var line in await File.ReadAllLinesAsync(path, cancellationToken).ConfigureAwait(false))
        {
            number++;
            if (line.Length == 0)
                continue;
            try
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                if (root.TryGetProperty("application", out var application))
                {
                    clients[application.GetString() ?? ""] = HyperLogLog.FromRegisters(root.GetProperty("clients").GetBytesFromBase64());
                    continue;
                }
                var key = new UsageKey(day, Text(root, "partner"), Text(root, "principal"), Text(root, "layer"), Text(root, "protocol"));
                var record = new UsageRecord(key, Number(root, "requests"), Number(root, "tiles"), Number(root, "features"), Number(root, "bytes"));
                counters[key] = counters.TryGetValue(key, out var stored) ? stored.Plus(record) : record;
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException)
            {
                throw new InvalidDataException($"{path}, line {number}: {ex.Message}", ex);
            }
        }
        return (counters, clients);
    }

    private async Task SaveDayAsync(DateOnly day, IEnumerable<UsageRecord> counters, SortedDictionary<string, HyperLogLog> clients, CancellationToken cancellationToken)
    {
        var path = PathOf(day);
        var temporary = path + ".tmp";
        await using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
        {
            var dayText = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var line = new System.Buffers.ArrayBufferWriter<byte>(512);
            foreach (var record in counters.OrderBy(r => r.Key.Partner, StringComparer.Ordinal).ThenBy(r => r.Key.Principal, StringComparer.Ordinal)
                         .ThenBy(r => r.Key.Layer, StringComparer.Ordinal).ThenBy(r => r.Key.Protocol, StringComparer.Ordinal))
            {
                line.ResetWrittenCount();
                using (var json = new Utf8JsonWriter(line))
                {
                    json.WriteStartObject();
                    json.WriteString("day", dayText);
                    json.WriteString("partner", record.Key.Partner);
                    json.WriteString("principal", record.Key.Principal);
                    json.WriteString("layer", record.Key.Layer);
                    json.WriteString("protocol", record.Key.Protocol);
                    json.WriteNumber("requests", record.Requests);
                    json.WriteNumber("tiles", record.Tiles);
                    json.WriteNumber("features", record.Features);
                    json.WriteNumber("bytes", record.Bytes);
                    json.WriteEndObject();
                }
                await WriteLineAsync(file, line, cancellationToken).ConfigureAwait(false);
            }
            foreach (var (application, sketch) in clients)
            {
                line.ResetWrittenCount();
                using (var json = new Utf8JsonWriter(line))
                {
                    json.WriteStartObject();
                    json.WriteString("day", dayText);
                    json.WriteString("application", application);
                    json.WriteNumber("estimate", sketch.Estimate());
                    json.WriteBase64String("clients", sketch.ToArray());
                    json.WriteEndObject();
                }
                await WriteLineAsync(file, line, cancellationToken).ConfigureAwait(false);
            }
            // On disk before the rename: a crash leaves the old file or the new one, never a torn one.
            await file.FlushAsync(cancellationToken).ConfigureAwait(false);
            file.Flush(flushToDisk: true);
        }
        File.Move(temporary, path, overwrite: true);
    }

    private static async Task WriteLineAsync(FileStream file, System.Buffers.ArrayBufferWriter<byte> line, CancellationToken cancellationToken)
    {
        await file.WriteAsync(line.WrittenMemory, cancellationToken).ConfigureAwait(false);
        file.WriteByte((byte)'\n');
    }

    /// <summary>An exclusive lock file (other processes sharing the folder wait for it, at most about 10 s).</summary>
    private async Task<FileStream> AcquireLockAsync(CancellationToken cancellationToken)
    {
        var path = Path.Combine(Directory, ".lock");
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 200)
            {
                await Task.Delay(50, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static string Text(JsonElement root, string name) => root.TryGetProperty(name, out var value) ? value.GetString() ?? "" : "";

    private static long Number(JsonElement root, string name) => root.TryGetProperty(name, out var value) ? value.GetInt64() : 0;
}
