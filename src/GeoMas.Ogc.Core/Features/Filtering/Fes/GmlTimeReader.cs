using System.Xml.Linq;

namespace GeoMas.Ogc.Core.Features.Filtering.Fes;

/// <summary>
/// gml:TimeInstant (timePosition) and gml:TimePeriod (beginPosition/endPosition or begin/end TimeInstant); an
/// indeterminate position ("unknown", "now" or empty) is an open bound.
/// </summary>
internal static class GmlTimeReader
{
    public static (DateTimeOffset? Start, DateTimeOffset? End, bool IsInstant) Read(XElement e)
    {
        if (FesXml.IsGml(e, "TimeInstant"))
        {
            var t = Position(FesXml.GmlChild(e, "timePosition") ?? throw FesXml.Error(e, "A TimeInstant needs gml:timePosition."));
            if (t is null)
                throw FesXml.Error(e, "A TimeInstant needs a determinate position.");
            return (t, t, true);
        }
        if (FesXml.IsGml(e, "TimePeriod"))
        {
            var start = Bound(e, "beginPosition", "begin");
            var end = Bound(e, "endPosition", "end");
            if (start is { } s && end is { } en && s > en)
                throw FesXml.Error(e, "The TimePeriod begins after it ends.");
            return (start, end, false);
        }
        throw FesXml.Error(e, $"Expected gml:TimeInstant or gml:TimePeriod but found '{e.Name.LocalName}'.");
    }

    private static DateTimeOffset? Bound(XElement period, string positionName, string wrapperName)
    {
        if (FesXml.GmlChild(period, positionName) is { } position)
            return Position(position);
        if (FesXml.GmlChild(period, wrapperName) is { } wrapper)
        {
            var instant = FesXml.GmlChild(wrapper, "TimeInstant") ?? throw FesXml.Error(wrapper, $"gml:{wrapperName} needs a gml:TimeInstant.");
            return Position(FesXml.GmlChild(instant, "timePosition") ?? throw FesXml.Error(instant, "A TimeInstant needs gml:timePosition."));
        }
        throw FesXml.Error(period, $"A TimePeriod needs gml:{positionName}.");
    }

    private static DateTimeOffset? Position(XElement e)
    {
        var text = e.Value.Trim();
        if (text.Length == 0 && FesXml.Attribute(e, "indeterminatePosition") is not null)
            return null;
        if (FilterValues.TryParseDate(text, out var value))
            return value;
        throw FesXml.Error(e, $"'{text}' is not an ISO 8601 date or date-time.");
    }
}
