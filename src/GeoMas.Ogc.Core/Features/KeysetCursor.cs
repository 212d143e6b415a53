using System.Buffers.Text;
using System.Text;
using GeoMas.Ogc.Core.Errors;

namespace GeoMas.Ogc.Core.Features;

/// <summary>
/// The opaque <c>cursor</c> of a next link: base64url of <c>k1</c>, the layer id and the id of the last feature of
/// the page. It carries a value, never SQL: the source binds the id as a parameter after checking it against the
/// id column's type, and a token that does not decode, names another layer or holds a wrong-typed id is a 400.
/// </summary>
public static class KeysetCursor
{
    public const string Parameter = "cursor";
    private const string Version = "k1";
    private const int MaxLength = 1024;

    public static string Encode(string layerId, string lastId)
    {
        ArgumentNullException.ThrowIfNull(layerId);
        ArgumentNullException.ThrowIfNull(lastId);
        var text = Version + "\n" + layerId + "\n" + lastId;
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>The id after which the page starts; throws a 400 <see cref="ServiceException"/> for anything else.</summary>
    public static string Decode(string token, string layerId)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (token.Length is 0 or > MaxLength)
            throw Invalid("it is empty or too long");
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Base64Url.DecodeFromChars(token));
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw Invalid("it is not a cursor of this server");
        }
        var parts = text.Split('\n', 3);
        if (parts.Length != 3 || parts[0] != Version)
            throw Invalid("it is not a cursor of this server");
        if (parts[1] != layerId)
            throw Invalid($"it belongs to another collection ('{parts[1]}')");
        if (parts[2].Length == 0)
            throw Invalid("it holds no position");
        return parts[2];
    }

    private static ServiceException Invalid(string why) =>
        ServiceException.Invalid(Parameter, $"Invalid cursor: {why}. Follow the next link of a page, or page with offset.");
}
