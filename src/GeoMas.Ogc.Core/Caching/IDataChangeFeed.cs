namespace GeoMas.Ogc.Core.Caching;

/// <summary>
/// Reports data changes of one source as they are committed, until cancelled; survives connection losses by itself
/// (and then reports <see cref="DataChange.SourceUnknown"/>, because changes made meanwhile were not seen).
/// </summary>
public interface IDataChangeFeed
{
    string SourceId { get; }

    /// <summary><paramref name="onChange"/> must not block: it is called on the listener's loop.</summary>
    Task RunAsync(Action<DataChange> onChange, CancellationToken cancellationToken);
}
