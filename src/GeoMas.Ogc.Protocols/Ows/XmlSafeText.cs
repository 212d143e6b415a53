using System.Text;
using System.Xml;

namespace GeoMas.Ogc.Protocols.Ows;

/// <summary>
/// Text made safe for an XML document. Exception messages echo what the client sent, and a request can carry
/// characters XML 1.0 cannot hold (NUL and other control characters, lone surrogates): XmlWriter throws on them, which
/// turned a 400 into a failed response. They become U+FFFD, so the report still says where the bad input was.
/// </summary>
public static class XmlSafeText
{
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var firstBad = FirstInvalid(text);
        if (firstBad < 0)
            return text;
        var clean = new StringBuilder(text.Length).Append(text, 0, firstBad);
        for (var i = firstBad; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
                continue;
            }
            clean.Append(XmlConvert.IsXmlChar(c) ? c : '\uFFFD');
        }
        return clean.ToString();
    }

    private static int FirstInvalid(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            if (!XmlConvert.IsXmlChar(c))
                return i;
        }
        return -1;
    }
}
