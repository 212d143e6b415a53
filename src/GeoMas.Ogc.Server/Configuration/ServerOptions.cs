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
    /// With <see cref="TileFastPath"/>: answer those tiles from the connection's bytes, before Kestrel's HTTP parser
    /// and the hosting layer (<see cref="Http.Connections.ConnectionTileFastPath"/>), for requests that carry only the
    /// headers of an anonymous tile client. Off by itself with <c>metrics.fastPathRequestDuration</c> or
    /// <c>AllowedHosts</c>, whose work happens in the pipeline.
    /// </summary>
    public bool ConnectionTileFastPath { get; set; } = true;

    /// <summary>
    /// At start, render a few tiles of the first tile layers in the background (nothing is cached), so the first
    /// requests after a start or a deploy do not pay for compiling and loading the render path.
    /// </summary>
    public bool WarmUp { get; set; } = true;

    /// <summary>
    /// Answer cached tiles on the socket event thread that received the request: the connections' sockets complete
    /// inline (<see cref="Http.IoThread.SocketInlineCompletions"/>) and Kestrel runs request code where they completed
    /// (its <c>UnsafePreferInlineScheduling</c>), so a memory hit is not handed over to the thread pool, a hand-over
    /// that cost more than the answer. Every other request is handed to the pool before it runs
    /// (<see cref="Http.IoThread.IoThreadHandOff"/>), so a long render holds a pool thread, never an event thread
    /// that other connections wait on. False: completions and request code go through the thread pool.
    /// </summary>
    public bool InlineScheduling { get; set; } = true;

    /// <summary>
    /// Kestrel's <c>WaitForDataBeforeAllocatingBuffer</c>. False (the default here): a connection reads each request
    /// straight into a pooled buffer, one system call fewer per request than waiting for data with an empty read
    /// first (4–9 % more cached tiles per second measured), and an idle keep-alive connection holds a 4 KB buffer
    /// meanwhile. True saves that memory where many connections stay open and idle.
    /// </summary>
    public bool WaitForDataBeforeAllocatingBuffer { get; set; }

    /// <summary>Time given to in-flight requests on shutdown (SIGTERM).</summary>
    public double ShutdownTimeoutSeconds { get; set; } = 30;
}
