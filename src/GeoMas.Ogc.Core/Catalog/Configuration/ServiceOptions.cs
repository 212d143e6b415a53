namespace GeoMas.Ogc.Core.Catalog.Configuration;

/// <summary>Service identification written into every capabilities document.</summary>
public sealed class ServiceOptions
{
    public string? Title { get; set; }
    public string? Abstract { get; set; }
    public List<string> Keywords { get; set; } = [];
    /// <summary>"none" when there are none.</summary>
    public string? Fees { get; set; }
    public string? AccessConstraints { get; set; }
    public ContactOptions Contact { get; set; } = new();
    /// <summary>Absolute public URL when the server sits behind a proxy that does not send X-Forwarded-*; null = from the request.</summary>
    public string? PublicBaseUrl { get; set; }
}

public sealed class ContactOptions
{
    public string? Person { get; set; }
    public string? Organization { get; set; }
    public string? Position { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Address { get; set; }
    public string? City { get; set; }
    public string? PostCode { get; set; }
    public string? Country { get; set; }
    public string? Url { get; set; }
}
