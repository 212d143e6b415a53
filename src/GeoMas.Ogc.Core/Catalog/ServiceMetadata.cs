namespace GeoMas.Ogc.Core.Catalog;

/// <summary>Who runs the service and on which terms; written into every capabilities document.</summary>
public sealed record ServiceMetadata
{
    public required string Title { get; init; }
    public string Abstract { get; init; } = "";
    public IReadOnlyList<string> Keywords { get; init; } = [];
    /// <summary>"none" when there are none (WMS-C6).</summary>
    public string Fees { get; init; } = "none";
    public string AccessConstraints { get; init; } = "none";
    public ContactInfo Contact { get; init; } = new();
    /// <summary>Public base URL (e.g. https://geo.example.org); null = derived from the request (X-Forwarded-* aware).</summary>
    public string? PublicBaseUrl { get; init; }
}

public sealed record ContactInfo
{
    public string Person { get; init; } = "";
    public string Organization { get; init; } = "";
    public string Position { get; init; } = "";
    public string Email { get; init; } = "";
    public string Phone { get; init; } = "";
    public string Address { get; init; } = "";
    public string City { get; init; } = "";
    public string PostCode { get; init; } = "";
    public string Country { get; init; } = "";
    public string Url { get; init; } = "";
}
