using GeoMas.Ogc.Core.Features.Filtering;
using GeoMas.Ogc.Core.Features.Filtering.Cql2;
using GeoMas.Ogc.Core.Features.Filtering.Fes;

namespace GeoMas.Ogc.Core.Tests.Features.Filtering;

/// <summary>
/// Truncations and random mutations of valid filters: a parser either reads them or throws
/// <see cref="FilterParseException"/>, never anything else (which would become a 500).
/// </summary>
public sealed class ParserFuzzTests
{
    private static readonly string[] Cql2Text =
    [
        "nom = 'Gap' AND population > 1000 OR NOT dep IN ('05', '04')",
        "CASEI(nom) LIKE CASEI('ga%') AND hauteur * 2 BETWEEN 3 AND 10.5e1",
        "S_INTERSECTS(geometry, POLYGON((6 44, 7 44, 7 45, 6 45, 6 44), (6.1 44.1, 6.2 44.1, 6.2 44.2, 6.1 44.1)))",
        "S_WITHIN(geom, BBOX(-1.5, 44, 7, 45.5)) AND updated_at >= TIMESTAMP('2020-01-01T00:00:00Z')",
        "T_INTERSECTS(INTERVAL(valid_from, valid_to), INTERVAL('2010-01-01', '..')) AND \"a b\" IS NOT NULL",
        "S_EQUALS(geometry, GEOMETRYCOLLECTION(POINT(1 2), MULTILINESTRING((1 2, 3 4), (5 6, 7 8))))",
        "(((a + 1) / 2) > -3 AND upper(nom) <> 'X') OR T_AFTER(d, DATE('2020-02-29'))",
    ];

    private static readonly string[] Cql2Json =
    [
        """{"op":"and","args":[{"op":"=","args":[{"property":"nom"},"Gap"]},{"op":"in","args":[{"property":"dep"},["05","04"]]}]}""",
        """{"op":"s_intersects","args":[{"property":"geometry"},{"type":"Polygon","coordinates":[[[6,44],[7,44],[7,45],[6,44]]]}]}""",
        """{"op":"t_during","args":[{"property":"d"},{"interval":[{"date":"2020-01-01"},".."]}]}""",
        """{"op":"like","args":[{"op":"casei","args":[{"property":"nom"}]},{"op":"casei","args":["ga%"]}]}""",
        """{"op":"between","args":[{"op":"+","args":[{"property":"a"},1]},1,{"op":"*","args":[2,3.5]}]}""",
    ];

    private static readonly string[] FesXml =
    [
        """<fes:Filter xmlns:fes="http://www.opengis.net/fes/2.0" xmlns:gml="http://www.opengis.net/gml/3.2"><fes:And><fes:PropertyIsLike wildCard="*" singleChar="." escapeChar="!"><fes:ValueReference>geomas:nom</fes:ValueReference><fes:Literal>Ga*</fes:Literal></fes:PropertyIsLike><fes:BBOX><gml:Envelope srsName="urn:ogc:def:crs:EPSG::4326"><gml:lowerCorner>44 6</gml:lowerCorner><gml:upperCorner>45 7</gml:upperCorner></gml:Envelope></fes:BBOX></fes:And></fes:Filter>""",
        """<fes:Filter xmlns:fes="http://www.opengis.net/fes/2.0" xmlns:gml="http://www.opengis.net/gml/3.2"><fes:Or><fes:Intersects><fes:ValueReference>geom</fes:ValueReference><gml:Polygon srsName="EPSG:2154"><gml:exterior><gml:LinearRing><gml:posList srsDimension="2">0 0 10 0 10 10 0 0</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon></fes:Intersects><fes:DWithin><fes:ValueReference>geom</fes:ValueReference><gml:Point srsName="EPSG:2154"><gml:pos>1 2</gml:pos></gml:Point><fes:Distance uom="km">1</fes:Distance></fes:DWithin></fes:Or></fes:Filter>""",
        """<fes:Filter xmlns:fes="http://www.opengis.net/fes/2.0" xmlns:gml="http://www.opengis.net/gml/3.2"><fes:Not><fes:During><fes:ValueReference>d</fes:ValueReference><gml:TimePeriod gml:id="p"><gml:beginPosition>2020-01-01</gml:beginPosition><gml:endPosition>2021-01-01</gml:endPosition></gml:TimePeriod></fes:During></fes:Not></fes:Filter>""",
        """<fes:Filter xmlns:fes="http://www.opengis.net/fes/2.0"><fes:PropertyIsBetween><fes:Add><fes:ValueReference>a</fes:ValueReference><fes:Literal>1</fes:Literal></fes:Add><fes:LowerBoundary><fes:Literal>1</fes:Literal></fes:LowerBoundary><fes:UpperBoundary><fes:Function name="length"><fes:ValueReference>nom</fes:ValueReference></fes:Function></fes:UpperBoundary></fes:PropertyIsBetween></fes:Filter>""",
    ];

    private const string Alphabet = "()',\"<>=/:.-+*%_ \t0123456789aZ&;![]{}..";

    public static IEnumerable<string> Mutations(string valid, int seed, int count)
    {
        var random = new Random(seed);
        for (var i = 0; i <= valid.Length; i += Math.Max(1, valid.Length / 40))
            yield return valid[..i];
        for (var n = 0; n < count; n++)
        {
            var chars = valid.ToCharArray().ToList();
            var edits = random.Next(1, 4);
            for (var e = 0; e < edits && chars.Count > 0; e++)
            {
                var at = random.Next(chars.Count);
                switch (random.Next(4))
                {
                    case 0: chars.RemoveAt(at); break;
                    case 1: chars.Insert(at, Alphabet[random.Next(Alphabet.Length)]); break;
                    case 2: chars[at] = Alphabet[random.Next(Alphabet.Length)]; break;
                    default:
                        var length = Math.Min(random.Next(1, 12), chars.Count - at);
                        chars.InsertRange(at, chars.GetRange(at, length));
                        break;
                }
            }
            yield return new string(chars.ToArray());
        }
    }

    private static void OnlyParseErrors(IEnumerable<string> inputs, Func<string, ParsedFilter> parse)
    {
        var tried = 0;
        foreach (var input in inputs)
        {
            tried++;
            try
            {
                var parsed = parse(input);
                Assert.NotNull(FilterFormatter.ToText(parsed.Filter));
            }
            catch (FilterParseException)
            {
            }
            catch (Exception e)
            {
                Assert.Fail($"{e.GetType().Name} ({e.Message}) for input: {input}");
            }
        }
        Assert.True(tried > 100);
    }

    [Fact]
    public void Cql2_text_mutations_give_only_parse_errors() =>
        OnlyParseErrors(Cql2Text.SelectMany((t, i) => Mutations(t, i, 150)), t => Cql2TextParser.Parse(t));

    [Fact]
    public void Cql2_json_mutations_give_only_parse_errors() =>
        OnlyParseErrors(Cql2Json.SelectMany((t, i) => Mutations(t, 100 + i, 150)), t => Cql2JsonParser.Parse(t));

    [Fact]
    public void Fes_mutations_give_only_parse_errors() =>
        OnlyParseErrors(FesXml.SelectMany((t, i) => Mutations(t, 200 + i, 150)), t => Fes20FilterReader.Read(t));

    [Fact]
    public void Sortby_mutations_give_only_parse_errors()
    {
        foreach (var input in Mutations("geomas:nom ASC,id DESC,+a,-b", 7, 300))
        {
            try
            {
                SortByKvpParser.Parse(input);
            }
            catch (FilterParseException)
            {
            }
        }
    }
}
