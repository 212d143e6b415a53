namespace GeoMas.Ogc.Server.Usage.Export;

/// <summary>One line of an export: the values of the grouped dimensions (query order) and the sums.</summary>
public sealed record UsageRow(IReadOnlyList<string> Values, long Requests, long Tiles, long Features, long Bytes, long Clients);
