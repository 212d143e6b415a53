namespace GeoMas.Ogc.Server.Configuration;

/// <summary>The <c>server</c> section: HTTP concerns of this process (the catalog does not depend on them).</summary>
public sealed class ServerOptions
{
    /// <summary>Honour X-Forwarded-For/-Proto/-Host/-Prefix (the server normally sits behind a reverse proxy).</summary>
    public bool ForwardedHeaders { get; set; } = true;

    /// <summary>
    /// IP addresses of the proxies whose X-Forwarded-* headers are trusted. With this and <see cref="KnownNetworks"/>
    /// both empty only loopback is trusted (a proxy on the same host): trusting anyone would let a client spoof
    /// X-Forwarded-For and so pick its own per-IP rate-limit bucket or pass the admin loopback guard.
    /// </summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks (CIDR, "10.0.0.0/8") of trusted proxies, besides <see cref="KnownProxies"/>.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    /// <summary>Value of Access-Control-Allow-Origin on every response.</summary>
    public string CorsAllowOrigin { get; set; } = "*";

    /// <summary>Listening URLs when neither --urls nor ASPNETCORE_URLS / ASPNETCORE_HTTP_PORTS say otherwise.</summary>
    public string DefaultUrls { get; set; } = "http://*:5000";

    /// <summary>
    /// Answer anonymous GETs of XYZ tiles held in memory at the front of the pipeline (the cached-tile fast path),
    /// with the same bytes and headers as the tile endpoint. Off by itself when anonymous requests are rate limited.
    /// </summary>
    public bool TileFastPath { get; set; } = true;

    /// <summary>
    /// At start, render a few tiles of the first tile layers in the background (nothing is cached), so the first
    /// requests after a start or a deploy do not pay for compiling and loading the render path.
    /// </summary>
    public bool WarmUp { get; set; } = true;

    /// <summary>
    /// Run each request's code on the thread that received its bytes, and send on the thread that wrote them,
    /// instead of handing both over to Kestrel's I/O queues (Kestrel's <c>UnsafePreferInlineScheduling</c>). The
    /// hand-overs cost more than serving a tile held in memory. Socket completions still run on the thread pool (the
    /// runtime's inline socket completions stay off), so a long render holds a pool thread as before, never the
    /// socket event loop that every other connection waits on.
    /// </summary>
    public bool InlineScheduling { get; set; } = true;

    /// <summary>Time given to in-flight requests on shutdown (SIGTERM).</summary>
    public double ShutdownTimeoutSeconds { get; set; } = 30;
}
