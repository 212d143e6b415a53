namespace GeoMas.Ogc.Sources.Sql;

/// <summary>
/// Quoting of identifiers that come from the catalog (never from requests). Both PostgreSQL and SQLite
/// accept standard double-quoted identifiers with embedded quotes doubled.
/// </summary>
internal static class SqlIdentifier
{
    public static string Quote(string name)
    {
        if (name.Length == 0 || name.Contains('\0'))
            throw new ArgumentException("An SQL identifier cannot be empty or contain NUL.", nameof(name));
        return "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    /// <summary>Splits "schema.table" at the first dot; a bare name yields the default schema.</summary>
    public static (string Schema, string Table) Split(string table, string defaultSchema)
    {
        var dot = table.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && dot < table.Length - 1
            ? (table[..dot], table[(dot + 1)..])
            : (defaultSchema, table);
    }
}
