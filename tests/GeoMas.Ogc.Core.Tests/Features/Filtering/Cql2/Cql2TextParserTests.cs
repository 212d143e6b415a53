using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Features.Filtering;
using GeoMas.Ogc.Core.Features.Filtering.Cql2;

namespace GeoMas.Ogc.Core.Tests.Features.Filtering.Cql2;

public sealed class Cql2TextParserTests
{
    private static string Parse(string text, Cql2ParserOptions? options = null) =>
        FilterFormatter.ToText(Cql2TextParser.Parse(text, options).Filter);

    [Theory]
    // Basic CQL2 (incl. the CQL-5 examples of the standard)
    [InlineData("landsat:scene_id = 'LC82030282019133LGN00'", "Equal(landsat:scene_id, 'LC82030282019133LGN00')")]
    [InlineData("floors>5 AND swimming_pool=true", "AND(GreaterThan(floors, 5), Equal(swimming_pool, true))")]
    [InlineData("\"value\" IS NULL", "IsNull(value)")]
    [InlineData("NOT \"value\" IS NULL", "NOT(IsNull(value))")]
    [InlineData("value IS NOT NULL", "NOT(IsNull(value))")]
    [InlineData("nom <> 'Gap'", "NotEqual(nom, 'Gap')")]
    [InlineData("population < 1000", "LessThan(population, 1000)")]
    [InlineData("population <= 1000.5", "LessThanOrEqual(population, 1000.5)")]
    [InlineData("population >= -3", "GreaterThanOrEqual(population, -3)")]
    [InlineData("population > 1e3", "GreaterThan(population, 1000.0)")]
    [InlineData("nom = 'L''Argentière'", "Equal(nom, 'L''Argentière')")]
    [InlineData(@"nom = 'L\'Argentière'", "Equal(nom, 'L''Argentière')")]
    [InlineData("a = 1 OR b = 2 AND c = 3", "OR(Equal(a, 1), AND(Equal(b, 2), Equal(c, 3)))")]
    [InlineData("(a = 1 OR b = 2) AND c = 3", "AND(OR(Equal(a, 1), Equal(b, 2)), Equal(c, 3))")]
    [InlineData("not (a = 1) and not b = 2", "AND(NOT(Equal(a, 1)), NOT(Equal(b, 2)))")]
    [InlineData("  a\t=\n1  ", "Equal(a, 1)")]
    [InlineData("TRUE", "TRUE")]
    [InlineData("false OR a = 1", "OR(FALSE, Equal(a, 1))")]
    [InlineData("updated_at > DATE('2020-01-31')", "GreaterThan(updated_at, DATE('2020-01-31'))")]
    [InlineData("updated_at < timestamp('2012-08-10T05:30:00Z')", "LessThan(updated_at, TIMESTAMP('2012-08-10T05:30:00Z'))")]
    [InlineData("updated_at < TIMESTAMP('2012-08-10T07:30:00+02:00')", "LessThan(updated_at, TIMESTAMP('2012-08-10T05:30:00Z'))")]
    [InlineData("\"and\" = 'x'", "Equal(and, 'x')")]
    [InlineData("\"nom de la commune\" = 'x'", "Equal(\"nom de la commune\", 'x')")]
    // Advanced comparison
    [InlineData("nom LIKE 'Ga%'", "Like(nom, 'Ga%')")]
    [InlineData("nom NOT LIKE 'G_p'", "NOT(Like(nom, 'G_p'))")]
    [InlineData(@"nom LIKE '100\%'", @"Like(nom, '100\%')")]
    [InlineData("population BETWEEN 100 AND 200", "Between(population, 100, 200)")]
    [InlineData("population NOT BETWEEN 100 AND 200", "NOT(Between(population, 100, 200))")]
    [InlineData("dep IN ('05', '04')", "In(dep, ['05', '04'])")]
    [InlineData("dep NOT IN ('05')", "NOT(In(dep, ['05']))")]
    // Case-insensitive
    [InlineData("CASEI(nom) = casei('gap')", "Equal[nocase](nom, 'gap')")]
    [InlineData("CASEI(nom) LIKE CASEI('ga%')", "Like[nocase](nom, 'ga%')")]
    [InlineData("CASEI(nom) IN (CASEI('gap'))", "In(strToLowerCase(nom), [strToLowerCase('gap')])")]
    // Property-property, arithmetic, functions
    [InlineData("valid_from < valid_to", "LessThan(valid_from, valid_to)")]
    [InlineData("hauteur * 2 > largeur + 1", "GreaterThan((hauteur * 2), (largeur + 1))")]
    [InlineData("(hauteur - 1) / 2 >= 3", "GreaterThanOrEqual(((hauteur - 1) / 2), 3)")]
    [InlineData("((a + 1)) > 2", "GreaterThan((a + 1), 2)")]
    [InlineData("upper(nom) = 'GAP'", "Equal(strToUpperCase(nom), 'GAP')")]
    [InlineData("length(nom) > 3", "GreaterThan(strLength(nom), 3)")]
    [InlineData("concatenate(section, numero) = 'AB12'", "Equal(Concatenate(section, numero), 'AB12')")]
    // Spatial (CRS84 default: lon lat)
    [InlineData("S_INTERSECTS(geometry, POINT(6.08 44.56))", "Intersects(<default>, POINT (6.08 44.56), srid=4326)")]
    [InlineData("s_intersects(geom, BBOX(6, 44.5, 6.2, 44.7))", "Intersects(geom, POLYGON ((6 44.5, 6 44.7, 6.2 44.7, 6.2 44.5, 6 44.5)), srid=4326)")]
    [InlineData("S_INTERSECTS(\"geometry\", BBOX(-128.098193, -1.1, -99999.0, 180.0, 90.0, 100000.0))", "Intersects(<default>, POLYGON ((-128.098193 -1.1, -128.098193 90, 180 90, 180 -1.1, -128.098193 -1.1)), srid=4326)")]
    [InlineData("S_WITHIN(geometry, POLYGON((6 44, 7 44, 7 45, 6 45, 6 44)))", "Within(<default>, POLYGON ((6 44, 7 44, 7 45, 6 45, 6 44)), srid=4326)")]
    [InlineData("S_CONTAINS(POLYGON((6 44, 7 44, 7 45, 6 45, 6 44)), geometry)", "Within(<default>, POLYGON ((6 44, 7 44, 7 45, 6 45, 6 44)), srid=4326)")]
    [InlineData("S_CONTAINS(geometry, POINT Z(6 44 100))", "Contains(<default>, POINT (6 44), srid=4326)")]
    [InlineData("S_DISJOINT(geometry, LINESTRING(6 44, 7 45))", "Disjoint(<default>, LINESTRING (6 44, 7 45), srid=4326)")]
    [InlineData("S_TOUCHES(geometry, MULTIPOINT((6 44), (7 45)))", "Touches(<default>, MULTIPOINT ((6 44), (7 45)), srid=4326)")]
    [InlineData("S_TOUCHES(geometry, MULTIPOINT(6 44, 7 45))", "Touches(<default>, MULTIPOINT ((6 44), (7 45)), srid=4326)")]
    [InlineData("S_CROSSES(geometry, MULTILINESTRING((6 44, 7 45), (6 45, 7 44)))", "Crosses(<default>, MULTILINESTRING ((6 44, 7 45), (6 45, 7 44)), srid=4326)")]
    [InlineData("S_OVERLAPS(geometry, MULTIPOLYGON(((6 44, 7 44, 7 45, 6 44))))", "Overlaps(<default>, MULTIPOLYGON (((6 44, 7 44, 7 45, 6 44))), srid=4326)")]
    [InlineData("S_EQUALS(geometry, GEOMETRYCOLLECTION(POINT(6 44), LINESTRING(6 44, 7 45)))", "Equals(<default>, GEOMETRYCOLLECTION (POINT (6 44), LINESTRING (6 44, 7 45)), srid=4326)")]
    [InlineData("S_INTERSECTS(POINT(1 1), POLYGON((0 0, 2 0, 2 2, 0 0)))", "TRUE")]
    [InlineData("S_INTERSECTS(geometry, POLYGON((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 3 2, 3 3, 2 2)))", "Intersects(<default>, POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 3 2, 3 3, 2 2)), srid=4326)")]
    // Temporal
    [InlineData("T_BEFORE(updated_at, TIMESTAMP('2012-08-10T05:30:00Z'))", "Before(updated_at, 2012-08-10T05:30:00Z, 2012-08-10T05:30:00Z)")]
    [InlineData("T_AFTER(updated_at, DATE('2020-01-01'))", "After(updated_at, 2020-01-01T00:00:00Z, 2020-01-01T00:00:00Z)")]
    [InlineData("T_AFTER(updated_at, INTERVAL('2020-01-01', '2020-12-31'))", "After(updated_at, 2020-12-31T00:00:00Z, 2020-12-31T00:00:00Z)")]
    [InlineData("T_AFTER(updated_at, INTERVAL('2020-01-01', '..'))", "FALSE")]
    [InlineData("T_DURING(updated_at, INTERVAL('2020-01-01', '..'))", "GreaterThan(updated_at, TIMESTAMP('2020-01-01T00:00:00Z'))")]
    [InlineData("T_DURING(updated_at, INTERVAL('..', '2020-01-01T12:00:00Z'))", "LessThan(updated_at, TIMESTAMP('2020-01-01T12:00:00Z'))")]
    [InlineData("T_EQUALS(updated_at, TIMESTAMP('2020-01-01T00:00:00Z'))", "TEquals(updated_at, 2020-01-01T00:00:00Z, 2020-01-01T00:00:00Z)")]
    [InlineData("T_INTERSECTS(updated_at, INTERVAL(DATE('2020-01-01'), DATE('2020-02-01')))", "AnyInteracts(updated_at, 2020-01-01T00:00:00Z, 2020-02-01T00:00:00Z)")]
    [InlineData("T_DISJOINT(updated_at, INTERVAL('2020-01-01', '2020-02-01'))", "AND(NOT(IsNull(updated_at)), NOT(AnyInteracts(updated_at, 2020-01-01T00:00:00Z, 2020-02-01T00:00:00Z)))")]
    [InlineData("T_AFTER(DATE('2020-01-01'), updated_at)", "Before(updated_at, 2020-01-01T00:00:00Z, 2020-01-01T00:00:00Z)")]
    [InlineData("T_CONTAINS(INTERVAL('2020-01-01', '2021-01-01'), updated_at)", "During(updated_at, 2020-01-01T00:00:00Z, 2021-01-01T00:00:00Z)")]
    [InlineData("T_INTERSECTS(INTERVAL(valid_from, valid_to), INTERVAL('2010-01-01', '2010-12-31'))",
        "AND(OR(IsNull(valid_from), LessThanOrEqual(valid_from, TIMESTAMP('2010-12-31T00:00:00Z'))), OR(IsNull(valid_to), GreaterThanOrEqual(valid_to, TIMESTAMP('2010-01-01T00:00:00Z'))))")]
    [InlineData("T_INTERSECTS(INTERVAL(valid_from, valid_to), DATE('2010-06-01'))",
        "AND(OR(IsNull(valid_from), LessThanOrEqual(valid_from, TIMESTAMP('2010-06-01T00:00:00Z'))), OR(IsNull(valid_to), GreaterThanOrEqual(valid_to, TIMESTAMP('2010-06-01T00:00:00Z'))))")]
    [InlineData("T_BEFORE(INTERVAL(valid_from, valid_to), DATE('2010-06-01'))", "LessThan(valid_to, TIMESTAMP('2010-06-01T00:00:00Z'))")]
    public void Parses_every_operator_to_the_expected_ast(string text, string expected) =>
        Assert.Equal(expected, Parse(text));

    [Fact]
    public void Keywords_are_case_insensitive()
    {
        Assert.Equal(Parse("a = 1 AND b IS NOT NULL OR c LIKE 'x%'"), Parse("a = 1 and b is not null or c like 'x%'"));
        Assert.Equal(Parse("S_INTERSECTS(geometry, POINT(1 2))"), Parse("s_Intersects(geometry, point(1 2))"));
    }

    [Fact]
    public void Reports_referenced_properties_as_written()
    {
        var parsed = Cql2TextParser.Parse("nom = 'x' AND S_INTERSECTS(geometry, POINT(1 2)) AND T_INTERSECTS(INTERVAL(valid_from, valid_to), DATE('2020-01-01')) AND \"a b\" > hauteur");
        Assert.Equal(["a b", "geometry", "hauteur", "nom", "valid_from", "valid_to"], parsed.ReferencedProperties.Order(StringComparer.Ordinal));
    }

    [Theory]
    // CRS84 and the OGC API axis rule: EPSG:4326 as http URI is lat,lon; projected CRSs are x,y.
    [InlineData("http://www.opengis.net/def/crs/OGC/1.3/CRS84", "POINT(6.08 44.56)", "POINT (6.08 44.56), srid=4326")]
    [InlineData("http://www.opengis.net/def/crs/EPSG/0/4326", "POINT(44.56 6.08)", "POINT (6.08 44.56), srid=4326")]
    [InlineData("http://www.opengis.net/def/crs/EPSG/0/4326", "BBOX(44.5, 6.0, 44.6, 6.1)", "POLYGON ((6 44.5, 6 44.6, 6.1 44.6, 6.1 44.5, 6 44.5)), srid=4326")]
    [InlineData("http://www.opengis.net/def/crs/EPSG/0/2154", "POINT(944500 6389200)", "POINT (944500 6389200), srid=2154")]
    public void Geometry_literals_follow_the_filter_crs_axis_order(string crs, string literal, string expected)
    {
        var options = new Cql2ParserOptions { FilterCrs = CrsIdentifier.Parse(crs) };
        Assert.Equal($"Intersects(<default>, {expected})", Parse($"S_INTERSECTS(geometry, {literal})", options));
    }

    [Theory]
    [InlineData("nom LIKE 'a%'", Cql2Conformance.AdvancedComparison)]
    [InlineData("a BETWEEN 1 AND 2", Cql2Conformance.AdvancedComparison)]
    [InlineData("a IN (1)", Cql2Conformance.AdvancedComparison)]
    [InlineData("CASEI(a) = CASEI('x')", Cql2Conformance.CaseInsensitiveComparison)]
    [InlineData("S_INTERSECTS(geometry, POINT(1 2))", Cql2Conformance.BasicSpatialFunctions)]
    [InlineData("S_INTERSECTS(geometry, LINESTRING(1 2, 3 4))", Cql2Conformance.BasicSpatialFunctionsPlus)]
    [InlineData("S_WITHIN(geometry, POINT(1 2))", Cql2Conformance.SpatialFunctions)]
    [InlineData("T_AFTER(d, DATE('2020-01-01'))", Cql2Conformance.TemporalFunctions)]
    [InlineData("a = b", Cql2Conformance.PropertyProperty)]
    [InlineData("a + 1 = 2", Cql2Conformance.Arithmetic)]
    [InlineData("upper(a) = 'X'", Cql2Conformance.Functions)]
    public void Undeclared_conformance_classes_are_refused(string text, Cql2Conformance needed)
    {
        var without = new Cql2ParserOptions { Allowed = Cql2Conformance.All & ~needed };
        var error = Assert.Throws<FilterParseException>(() => Cql2TextParser.Parse(text, without));
        Assert.Contains(needed.ToString(), error.Message, StringComparison.Ordinal);
        Assert.NotNull(Cql2TextParser.Parse(text, new Cql2ParserOptions { Allowed = Cql2Conformance.All }));
    }

    [Fact]
    public void Basic_cql2_alone_accepts_basic_filters()
    {
        var basic = new Cql2ParserOptions { Allowed = Cql2Conformance.BasicCql2 };
        Assert.Equal("AND(Equal(nom, 'x'), NOT(IsNull(a)), LessThan(b, -2.5))", Parse("nom = 'x' AND a IS NOT NULL AND b < -2.5", basic));
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("nom = ", 6)]
    [InlineData("nom = 'abc", 6)]
    [InlineData("nom == 'a'", 5)]
    [InlineData("nom = 'a' AND", 13)]
    [InlineData("(nom = 'a'", 10)]
    [InlineData("nom = 'a')", 9)]
    [InlineData("nom 'a'", 4)]
    [InlineData("nom = 'a' # 1", 10)]
    [InlineData("d > DATE('2020-13-01')", 9)]
    [InlineData("d > TIMESTAMP('yesterday')", 14)]
    [InlineData("S_INTERSECTS(geometry, POLYGON((0 0, 1 0, 1 1, 0 1)))", 30)]
    [InlineData("S_INTERSECTS(geometry, BBOX(1, 2, 3))", 23)]
    [InlineData("S_INTERSECTS(geometry, geom)", 0)]
    [InlineData("a % 2 = 0", 2)]
    [InlineData("ACCENTI(nom) = ACCENTI('é')", 0)]
    [InlineData("A_CONTAINS(tags, ('a'))", 0)]
    [InlineData("unknownfn(nom) = 1", 0)]
    [InlineData("T_MEETS(d, DATE('2020-01-01'))", 0)]
    [InlineData("nom LIKE upper('x')", 4)]
    [InlineData("123abc = 1", 0)]
    public void Malformed_filters_fail_with_a_position(string text, int position)
    {
        var error = Assert.Throws<FilterParseException>(() => Cql2TextParser.Parse(text));
        Assert.Equal(position, error.Position);
        Assert.Equal("filter", error.Locator);
        Assert.Equal("InvalidParameterValue", error.Code);
    }

    [Fact]
    public void Accent_insensitive_comparison_is_rejected_clearly()
    {
        var error = Assert.Throws<FilterParseException>(() => Cql2TextParser.Parse("ACCENTI(nom) = ACCENTI('Briançon')"));
        Assert.Contains("ACCENTI", error.Message, StringComparison.Ordinal);
        Assert.Contains("not supported", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_nesting_is_refused_rather_than_overflowing_the_stack()
    {
        var deep = new string('(', 5000) + "a = 1" + new string(')', 5000);
        Assert.Throws<FilterParseException>(() => Cql2TextParser.Parse(deep));
        var nots = string.Concat(Enumerable.Repeat("NOT ", 5000)) + "a = 1";
        Assert.Throws<FilterParseException>(() => Cql2TextParser.Parse(nots));
        Assert.Equal("NOT(NOT(Equal(a, 1)))", Parse("NOT NOT a = 1"));
    }

    [Fact]
    public void Injection_attempts_stay_values_or_fail()
    {
        Assert.Equal("Equal(nom, 'x''; DROP TABLE parcelles; --')", Parse("nom = 'x''; DROP TABLE parcelles; --'"));
        Assert.Equal("Equal(\"nom\"\"; DROP TABLE x; --\", 1)", Parse("\"nom\"\"; DROP TABLE x; --\" = 1"));
        Assert.Throws<FilterParseException>(() => Cql2TextParser.Parse("nom = 'x'; DROP TABLE parcelles"));
    }

    [Fact]
    public void Over_long_filters_are_refused()
    {
        var options = new Cql2ParserOptions { MaxLength = 20 };
        Assert.Throws<FilterParseException>(() => Cql2TextParser.Parse("nom = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaa'", options));
    }
}
