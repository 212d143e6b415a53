using System.Globalization;

namespace GeoMas.Ogc.Server.Usage.Export;

/// <summary>
/// An export request, shared by <c>GET /admin/usage</c> and <c>geomas usage export</c>: days from/to (UTC,
/// inclusive, YYYY-MM-DD; default today), the dimensions to group by, csv or json, and whether it is the
/// counters or the distinct clients per application.
/// </summary>
public sealed record UsageQuery(DateOnly From, DateOnly To, IReadOnlyList<UsageDimension> GroupBy, string Format, bool Clients)
{
    public static readonly IReadOnlyList<UsageDimension> CounterDimensions =
        [UsageDimension.Day, UsageDimension.Partner, UsageDimension.Principal, UsageDimension.Layer, UsageDimension.Protocol];

    public static readonly IReadOnlyList<UsageDimension> ClientDimensions = [UsageDimension.Day, UsageDimension.Application];

    /// <summary>Parses the parameters; throws <see cref="FormatException"/> with a message for the caller.</summary>
    public static UsageQuery Parse(string? from, string? to, string? groupBy, string? format, bool clients, DateOnly today)
    {
        var first = from is null ? today : Day(from, "from");
        var last = to is null ? (from is null ? today : first) : Day(to, "to");
        if (last < first)
            throw new FormatException("to is before from.");
        var allowed = clients ? ClientDimensions : CounterDimensions;
        var dimensions = allowed;
        if (!string.IsNullOrWhiteSpace(groupBy))
        {
            var named = new HashSet<UsageDimension>();
            foreach (var name in groupBy.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!Enum.TryParse<UsageDimension>(name, ignoreCase: true, out var dimension) || !allowed.Contains(dimension) || !name.All(char.IsLetter))
                    throw new FormatException($"groupBy: '{name}' is not one of {string.Join(", ", allowed.Select(Name))}.");
                named.Add(dimension);
            }
            dimensions = [.. allowed.Where(named.Contains)];
        }
        var chosen = (format ?? "json").ToLowerInvariant() switch
        {
            "json" or "application/json" => "json",
            "csv" or "text/csv" => "csv",
            _ => throw new FormatException($"f: '{format}' is not csv or json."),
        };
        return new UsageQuery(first, last, dimensions, chosen, clients);
    }

    public static string Name(UsageDimension dimension) => dimension.ToString().ToLowerInvariant();

    private static DateOnly Day(string text, string name) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new FormatException($"{name}: '{text}' is not a date (YYYY-MM-DD).");
}
