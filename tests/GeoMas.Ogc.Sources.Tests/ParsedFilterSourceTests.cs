using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Crs;
using GeoMas.Ogc.Core.Features;
using GeoMas.Ogc.Core.Features.Filtering;
using GeoMas.Ogc.Core.Features.Filtering.Cql2;
using GeoMas.Ogc.Core.Features.Filtering.Fes;
using GeoMas.Ogc.Core.Time;
using Npgsql;

namespace GeoMas.Ogc.Sources.Tests;

/// <summary>
/// Parsed CQL2 and FES filters run on both sources: PostGIS and the GeoPackage must count the same rows, and that
/// count must equal a hand-written SQL count on the PostGIS tables (independent of the filter compilers).
/// </summary>
public sealed class ParsedFilterSourceTests
{
    private const string Fes = "xmlns:fes=\"http://www.opengis.net/fes/2.0\" xmlns:gml=\"http://www.opengis.net/gml/3.2\" xmlns:geomas=\"https://geomas.example\"";

    private static readonly Cql2ParserOptions Lambert = new() { FilterCrs = CrsIdentifier.Parse("http://www.opengis.net/def/crs/EPSG/0/2154") };

    // Every version of the PLU zones, not only those in force today.
    private static readonly TimeSelection AllTimes = new([new TimeRange(null, null)]);

    public sealed record Case(LayerDefinition Layer, Func<Filter> Parse, string Sql, TimeSelection? Time = null);

    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["cql2 text: case-insensitive like and comparison"] = new(TestLayers.Communes,
            () => Cql2TextParser.Parse("CASEI(nom) LIKE CASEI('LA %') AND population > 200").Filter,
            "SELECT count(*) FROM geomas.communes WHERE lower(nom) LIKE 'la %' AND population > 200"),
        ["cql2 text: in, between, not"] = new(TestLayers.Batiments,
            () => Cql2TextParser.Parse("commune IN ('05059', '05100') AND hauteur BETWEEN 4 AND 9 AND NOT type = 'maison'").Filter,
            "SELECT count(*) FROM geomas.batiments WHERE commune IN ('05059', '05100') AND hauteur BETWEEN 4 AND 9 AND NOT type = 'maison'"),
        ["cql2 text: bbox in Lambert-93"] = new(TestLayers.Parcelles,
            () => Cql2TextParser.Parse("S_INTERSECTS(geometry, BBOX(943000, 6387000, 944500, 6388500))", Lambert).Filter,
            "SELECT count(*) FROM geomas.parcelles WHERE ST_Intersects(geom, ST_MakeEnvelope(943000, 6387000, 944500, 6388500, 2154))"),
        ["cql2 text: timestamp comparison"] = new(TestLayers.Parcelles,
            () => Cql2TextParser.Parse("T_AFTER(updated_at, TIMESTAMP('2022-06-01T00:00:00Z')) AND contenance < 500").Filter,
            "SELECT count(*) FROM geomas.parcelles WHERE updated_at > '2022-06-01T00:00:00Z' AND contenance < 500"),
        ["cql2 text: PLU history through an interval of properties"] = new(TestLayers.PluZones,
            () => Cql2TextParser.Parse("T_INTERSECTS(INTERVAL(valid_from, valid_to), DATE('2010-06-01'))").Filter,
            "SELECT count(*) FROM geomas.plu_zones WHERE (valid_from IS NULL OR valid_from <= '2010-06-01') AND (valid_to IS NULL OR valid_to >= '2010-06-01')",
            AllTimes),
        ["cql2 json: polygon within, CRS84"] = new(TestLayers.Batiments,
            () => Cql2JsonParser.Parse("""{"op":"and","args":[{"op":"s_within","args":[{"property":"geometry"},{"type":"Polygon","coordinates":[[[6.07,44.55],[6.09,44.55],[6.09,44.57],[6.07,44.57],[6.07,44.55]]]}]},{"op":"=","args":[{"property":"type"},"immeuble"]}]}""").Filter,
            "SELECT count(*) FROM geomas.batiments WHERE ST_Within(geom, ST_Transform(ST_GeomFromText('POLYGON((6.07 44.55, 6.09 44.55, 6.09 44.57, 6.07 44.57, 6.07 44.55))', 4326), 2154)) AND type = 'immeuble'"),
        ["fes: like and greater than"] = new(TestLayers.Communes,
            () => Fes20FilterReader.Read($"<fes:Filter {Fes}><fes:And><fes:PropertyIsLike wildCard=\"*\" singleChar=\".\" escapeChar=\"!\"><fes:ValueReference>geomas:nom</fes:ValueReference><fes:Literal>Saint*</fes:Literal></fes:PropertyIsLike><fes:PropertyIsGreaterThan><fes:ValueReference>geomas:population</fes:ValueReference><fes:Literal>150</fes:Literal></fes:PropertyIsGreaterThan></fes:And></fes:Filter>").Filter,
            "SELECT count(*) FROM geomas.communes WHERE nom LIKE 'Saint%' AND population > 150"),
        ["fes: dwithin in metres"] = new(TestLayers.Routes,
            () => Fes20FilterReader.Read($"<fes:Filter {Fes}><fes:DWithin><fes:ValueReference>geomas:geom</fes:ValueReference><gml:Point srsName=\"urn:ogc:def:crs:EPSG::2154\"><gml:pos>944546 6389317</gml:pos></gml:Point><fes:Distance uom=\"m\">800</fes:Distance></fes:DWithin></fes:Filter>").Filter,
            "SELECT count(*) FROM geomas.routes WHERE ST_DWithin(geom, ST_SetSRID(ST_MakePoint(944546, 6389317), 2154), 800)"),
        ["fes: bbox envelope and null test"] = new(TestLayers.Batiments,
            () => Fes20FilterReader.Read($"<fes:Filter {Fes}><fes:And><fes:BBOX><gml:Envelope srsName=\"EPSG:2154\"><gml:lowerCorner>943000 6387000</gml:lowerCorner><gml:upperCorner>946000 6390000</gml:upperCorner></gml:Envelope></fes:BBOX><fes:Not><fes:PropertyIsNull><fes:ValueReference>hauteur</fes:ValueReference></fes:PropertyIsNull></fes:Not></fes:And></fes:Filter>").Filter,
            "SELECT count(*) FROM geomas.batiments WHERE ST_Intersects(geom, ST_MakeEnvelope(943000, 6387000, 946000, 6390000, 2154)) AND hauteur IS NOT NULL"),
        ["fes: resource ids"] = new(TestLayers.Communes,
            () => Fes20FilterReader.Read($"<fes:Filter {Fes}><fes:ResourceId rid=\"communes.05061\"/><fes:ResourceId rid=\"geomas:communes.05023\"/><fes:ResourceId rid=\"99999\"/></fes:Filter>",
                new Fes20ReaderOptions { TypeNames = new HashSet<string> { "communes" } }).Filter,
            "SELECT count(*) FROM geomas.communes WHERE insee IN ('05061', '05023')"),
    };

    public static TheoryData<string> Names => new(Cases.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Both_sources_count_what_sql_counts(string name)
    {
        var c = Cases[name];
        var query = new FeatureQuery { Layer = c.Layer, Filter = c.Parse(), Time = c.Time };

        var expected = await SqlCount(c.Sql);
        var postGis = await Sources.PostGis.CountAsync(query, default);
        var geoPackage = await Sources.GeoPackage.CountAsync(query, default);

        Assert.True(expected > 0, $"the case '{name}' selects nothing, it would prove little");
        Assert.Equal(expected, postGis);
        Assert.Equal(expected, geoPackage);
        // The rows streamed agree with the count.
        var features = await Sources.GeoPackage.QueryAsync(query with { IncludeGeometry = false, Properties = [] }, default).ToListAsync();
        Assert.Equal(expected, features.Count);
    }

    private static async Task<long> SqlCount(string sql)
    {
        await using var connection = new NpgsqlConnection(TestLayers.PostGisSource().Connection);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
