namespace GeoMas.Ogc.Core.Features.Filtering;

/// <summary>
/// A parsed filter and the property names it mentions, as the client wrote them (after namespace prefixes of
/// FES value references are stripped), so the protocol layer can check them against the queryables first.
/// </summary>
public sealed record ParsedFilter(Filter Filter, IReadOnlySet<string> ReferencedProperties);
