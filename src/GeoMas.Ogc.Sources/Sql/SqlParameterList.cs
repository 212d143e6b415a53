namespace GeoMas.Ogc.Sources.Sql;

/// <summary>
/// The values bound to one statement, named @p0, @p1... in the order they were added. Request values only
/// ever reach SQL through here.
/// </summary>
internal sealed class SqlParameterList
{
    private readonly List<object?> _values = [];

    public IReadOnlyList<object?> Values => _values;

    public static string NameOf(int index) => "p" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Adds a value and returns its placeholder (e.g. "@p3").</summary>
    public string Add(object? value)
    {
        _values.Add(value);
        return "@" + NameOf(_values.Count - 1);
    }
}
