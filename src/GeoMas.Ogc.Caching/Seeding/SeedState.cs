using System.Text.Json;

namespace GeoMas.Ogc.Caching.Seeding;

/// <summary>
/// The resume file of a job (<c>.seed-{fingerprint}.json</c> beside the tile cache): per layer and zoom, how many
/// metatiles of the (deterministic) enumeration are done without a gap. An interrupted seed starts again after them;
/// metatiles done beyond the gap are simply rendered again (or found cached).
/// </summary>
public sealed class SeedState
{
    private readonly object _gate = new();
    private readonly Dictionary<string, long> _done;

    private SeedState(string path, Dictionary<string, long> done)
    {
        Path = path;
        _done = done;
    }

    public string Path { get; }

    public static SeedState Load(string path)
    {
        try
        {
            if (File.Exists(path) && JsonSerializer.Deserialize<Dictionary<string, long>>(File.ReadAllText(path)) is { } done)
                return new SeedState(path, done);
        }
        catch (JsonException)
        {
            // A torn file (killed during a write) only costs re-rendering: start over.
        }
        return new SeedState(path, new Dictionary<string, long>(StringComparer.Ordinal));
    }

    public long Done(string step)
    {
        lock (_gate)
            return _done.GetValueOrDefault(step);
    }

    public void Set(string step, long done)
    {
        lock (_gate)
            _done[step] = done;
    }

    public void Save()
    {
        string json;
        lock (_gate)
            json = JsonSerializer.Serialize(_done);
        var temporary = Path + ".tmp";
        File.WriteAllText(temporary, json);
        File.Move(temporary, Path, overwrite: true);
    }

    public void Delete()
    {
        if (File.Exists(Path))
            File.Delete(Path);
    }
}
