namespace GeoMas.Ogc.Server.Protection;

/// <summary>
/// The <c>protection</c> section: concurrency caps on renders and feature exports, bulk tile clients, security
/// headers and request size limits. Every value has a safe default; the section may be left out.
/// </summary>
public sealed class ProtectionOptions
{
    public RenderProtectionOptions Renders { get; set; } = new();
    public ExportProtectionOptions Exports { get; set; } = new();
    public BulkClientOptions BulkClients { get; set; } = new();
    public SecurityHeadersOptions SecurityHeaders { get; set; } = new();
    public RequestLimitsOptions Requests { get; set; } = new();
}
