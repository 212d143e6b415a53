using Microsoft.AspNetCore.Builder;

namespace GeoMas.Ogc.Server.Hosting;

/// <summary>A ready-to-run application, or the reasons it must not start (already logged).</summary>
public sealed record GeoMasAppResult(WebApplication? App, IReadOnlyList<string> Errors);
