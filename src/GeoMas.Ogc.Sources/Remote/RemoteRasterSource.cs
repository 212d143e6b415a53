using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Errors;
using GeoMas.Ogc.Core.Rasters;
using GeoMas.Ogc.Sources.Remote.Http;

namespace GeoMas.Ogc.Sources.Remote;

/// <summary>
/// A cascaded layer: an upstream WMS or WMTS read as an <see cref="IRasterSource"/> in the upstream's CRS. The
/// upstream capabilities are read by <see cref="RefreshCapabilitiesAsync"/> (called by the background refresher,
/// never on the request path); until a first read succeeds the source answers Unavailable, and it recovers by itself
/// when a later refresh succeeds. A failed refresh keeps the last good capabilities.
/// </summary>
public abstract class RemoteRasterSource<TCapabilities> : IRemoteRasterSource, IRasterSource, IDisposable
    where TCapabilities : class
{
    private TCapabilities? _capabilities;
    private string? _lastError = "capabilities not read yet";

    protected RemoteRasterSource(string sourceId, RemoteSourceDefinition remote, RasterInfo info, UpstreamClient client)
    {
        SourceId = sourceId;
        Remote = remote;
        Info = info;
        Client = client;
    }

    public string SourceId { get; }
    public RemoteSourceDefinition Remote { get; }
    public RasterInfo Info { get; }
    protected UpstreamClient Client { get; }

    public bool IsReady => Volatile.Read(ref _capabilities) is not null;
    public string? LastError => Volatile.Read(ref _lastError);
    public DateTimeOffset? LastRefresh { get; private set; }

    /// <summary>The last capabilities read, or an Unavailable failure naming why there are none.</summary>
    protected TCapabilities Capabilities =>
        Volatile.Read(ref _capabilities)
        ?? throw ServiceException.Unavailable($"Upstream unavailable: the capabilities of '{SourceId}' could not be read yet ({LastError}).");

    public async Task<bool> RefreshCapabilitiesAsync(CancellationToken cancellationToken)
    {
        try
        {
            var response = await Client.GetAsync(CapabilitiesUrl(), expectsImage: false, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccess)
                throw new FormatException($"GetCapabilities answered HTTP {(int)response.Status}");
            using var body = new MemoryStream(response.Body, writable: false);
            var capabilities = ParseCapabilities(body);
            Volatile.Write(ref _capabilities, capabilities);
            Volatile.Write(ref _lastError, null);
            LastRefresh = DateTimeOffset.UtcNow;
            return true;
        }
        catch (Exception e) when (e is ServiceException or FormatException)
        {
            Volatile.Write(ref _lastError, e.Message);
            return false;
        }
    }

    public abstract ValueTask<RasterWindow?> ReadAsync(RasterReadRequest request, CancellationToken cancellationToken);

    protected abstract Uri CapabilitiesUrl();

    /// <exception cref="FormatException">The document does not offer what the configuration asks for.</exception>
    protected abstract TCapabilities ParseCapabilities(Stream document);

    /// <summary>Reads an image answer, turning service exceptions and undecodable bodies into Unavailable failures.</summary>
    protected SkiaSharp.SKBitmap DecodeImage(UpstreamResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (!response.IsImage)
            throw ServiceException.Unavailable($"Upstream unavailable: '{SourceId}' answered {OgcExceptionReport.Describe(response.Body)}.");
        return RemoteImageDecoder.Decode(response.Body)
               ?? throw ServiceException.Unavailable($"Upstream unavailable: '{SourceId}' sent an image that cannot be decoded ({response.MediaType}).");
    }

    /// <summary>Called once when the source is disposed (the factory stops tracking it).</summary>
    internal Action? OnDispose
    {
        get => _onDispose;
        set => _onDispose = value;
    }

    private Action? _onDispose;

    public void Dispose()
    {
        Interlocked.Exchange(ref _onDispose, null)?.Invoke();
        Client.Dispose();
        GC.SuppressFinalize(this);
    }
}
