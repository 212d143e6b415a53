using GeoMas.Ogc.Core.Styling;

namespace GeoMas.Ogc.Core.Catalog.Configuration;

/// <summary>
/// Reads each style file once even when several layers use it, remembers its failure so the error is reported once,
/// and feeds the file bytes to the fingerprint (a style edit changes the updateSequence).
/// </summary>
internal sealed class StyleFileCache(IStyleReader reader, CatalogFingerprint fingerprint)
{
    private readonly Dictionary<string, IReadOnlyList<Style>?> _byPath = new(StringComparer.Ordinal);

    /// <summary>The styles of <paramref name="path"/>, or null when it cannot be read (the error is added once).</summary>
    public IReadOnlyList<Style>? Read(string path, string displayPath, ICollection<string> errors)
    {
        if (_byPath.TryGetValue(path, out var known))
            return known;

        IReadOnlyList<Style>? styles = null;
        if (!File.Exists(path))
        {
            errors.Add($"style file '{displayPath}' not found ({path})");
        }
        else
        {
            try
            {
                fingerprint.Append(File.ReadAllBytes(path));
                styles = reader.Read(path);
                if (styles.Count == 0)
                {
                    errors.Add($"style file '{displayPath}' holds no UserStyle");
                    styles = null;
                }
            }
            // The reader reports SLD mistakes as exceptions carrying file and line; any reader failure is a config error.
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                errors.Add($"style file '{displayPath}' is invalid: {ex.Message}");
            }
        }
        _byPath[path] = styles;
        return styles;
    }
}
