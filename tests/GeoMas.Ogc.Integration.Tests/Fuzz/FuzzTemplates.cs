namespace GeoMas.Ogc.Integration.Tests.Fuzz;

/// <summary>
/// One or more valid requests for every endpoint of the README's URL map, on the demo data (Gap, EPSG:2154 box of the
/// demo ortho). Every one of them must be answered 2xx before the fuzz starts, so the run mutates real requests.
/// </summary>
public static class FuzzTemplates
{
    private const string Box2154 = "944000,6388700,945000,6389700";
    private const string Box4326LatLon = "44.558,6.073,44.567,6.086";
    private const string Box4326LonLat = "6.073,44.558,6.086,44.567";
    private const string ParcelId = "05061000AB0001";
    private const string Fes = "http://www.opengis.net/fes/2.0";
    private const string Wfs20 = "http://www.opengis.net/wfs/2.0";

    public static IReadOnlyList<FuzzTemplate> Protocols { get; } =
    [
        // WMS 1.3.0 and 1.1.1
        Wms("wms130-caps", "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities"),
        Wms("wms111-caps", "SERVICE=WMS&VERSION=1.1.1&REQUEST=GetCapabilities"),
        Wms("wms130-map", $"SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=parcelles,batiments&STYLES=,&CRS=EPSG:2154&BBOX={Box2154}&WIDTH=128&HEIGHT=128&FORMAT=image/png&TRANSPARENT=TRUE"),
        Wms("wms130-map-4326", $"SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=communes&STYLES=&CRS=EPSG:4326&BBOX={Box4326LatLon}&WIDTH=96&HEIGHT=64&FORMAT=image/jpeg&BGCOLOR=0xFFFFFF"),
        Wms("wms130-map-time", $"SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=plu_zones&STYLES=&CRS=EPSG:2154&BBOX={Box2154}&WIDTH=64&HEIGHT=64&FORMAT=image/png&TIME=2015-06-01&EXCEPTIONS=XML"),
        Wms("wms111-map", $"SERVICE=WMS&VERSION=1.1.1&REQUEST=GetMap&LAYERS=fond_plan&STYLES=&SRS=EPSG:4326&BBOX={Box4326LonLat}&WIDTH=96&HEIGHT=96&FORMAT=image/png"),
        Wms("wms130-info", $"SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&LAYERS=parcelles&QUERY_LAYERS=parcelles&STYLES=&CRS=EPSG:2154&BBOX={Box2154}&WIDTH=100&HEIGHT=100&I=50&J=50&INFO_FORMAT=application/json&FEATURE_COUNT=5&FORMAT=image/png"),
        Wms("wms111-info", $"SERVICE=WMS&VERSION=1.1.1&REQUEST=GetFeatureInfo&LAYERS=plu_zones&QUERY_LAYERS=plu_zones&STYLES=&SRS=EPSG:2154&BBOX={Box2154}&WIDTH=100&HEIGHT=100&X=40&Y=60&INFO_FORMAT=text/html&FORMAT=image/png"),
        Wms("wms130-legend", "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&LAYER=plu_zones&FORMAT=image/png&SLD_VERSION=1.1.0"),
        Wms("wms111-legend", "SERVICE=WMS&VERSION=1.1.1&REQUEST=GetLegendGraphic&LAYER=routes&STYLE=&FORMAT=image/png&WIDTH=20&HEIGHT=20"),

        // WMTS KVP and REST
        Wmts("wmts-caps", "/wmts?SERVICE=WMTS&REQUEST=GetCapabilities&VERSION=1.0.0"),
        Wmts("wmts-rest-caps", "/wmts/1.0.0/WMTSCapabilities.xml"),
        Wmts("wmts-tile", "/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=parcelles&STYLE=default&TILEMATRIXSET=WebMercatorQuad&TILEMATRIX=16&TILEROW=23688&TILECOL=33874&FORMAT=image/png"),
        Wmts("wmts-tile-crs84", "/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=communes&STYLE=default&TILEMATRIXSET=WorldCRS84Quad&TILEMATRIX=8&TILEROW=64&TILECOL=264&FORMAT=image/png"),
        Wmts("wmts-rest-tile", "/wmts/1.0.0/fond_plan/default/WebMercatorQuad/16/23688/33874.jpg"),
        Wmts("wmts-info", "/wmts?SERVICE=WMTS&REQUEST=GetFeatureInfo&VERSION=1.0.0&LAYER=parcelles&STYLE=default&TILEMATRIXSET=WebMercatorQuad&TILEMATRIX=16&TILEROW=23688&TILECOL=33874&FORMAT=image/png&INFOFORMAT=application/json&I=128&J=128"),
        Wmts("wmts-rest-info", "/wmts/1.0.0/batiments/default/WebMercatorQuad/16/23688/33874/100/120.html"),

        // XYZ and TileJSON
        Xyz("xyz-tile", "/tiles/parcelles/16/33874/23688.png"),
        Xyz("xyz-tile-jpg", "/tiles/fond_plan/16/33874/23688.jpg?style=default"),
        Xyz("xyz-tile-time", "/tiles/plu_zones/15/16937/11844.png?time=2015-08-30"),
        Xyz("xyz-tilejson", "/tiles/communes.json"),
        Xyz("xyz-tilejson-jpg", "/tiles/ortho.json?format=jpg&style=default"),

        // WFS 2.0 and 1.1, KVP
        Wfs("wfs20-caps", "SERVICE=WFS&REQUEST=GetCapabilities&ACCEPTVERSIONS=2.0.0,1.1.0"),
        Wfs("wfs20-dft", "SERVICE=WFS&VERSION=2.0.0&REQUEST=DescribeFeatureType&TYPENAMES=geomas:parcelles,geomas:routes"),
        Wfs("wfs20-getfeature", $"SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=geomas:parcelles&COUNT=10&STARTINDEX=5&BBOX={Box2154},urn:ogc:def:crs:EPSG::2154&SORTBY=numero DESC&OUTPUTFORMAT=application/json"),
        Wfs("wfs20-getfeature-gml", $"SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=geomas:batiments&COUNT=3&SRSNAME=urn:ogc:def:crs:EPSG::4326&BBOX={Box4326LatLon},urn:ogc:def:crs:EPSG::4326&PROPERTYNAME=geomas:id"),
        Wfs("wfs20-getfeature-filter", $"SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=geomas:sentiers&COUNT=3&FILTER=<fes:Filter xmlns:fes=\"{Fes}\"><fes:PropertyIsEqualTo><fes:ValueReference>difficulte</fes:ValueReference><fes:Literal>2</fes:Literal></fes:PropertyIsEqualTo></fes:Filter>"),
        Wfs("wfs20-hits", "SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=geomas:plu_zones&RESULTTYPE=hits"),
        Wfs("wfs20-resourceid", $"SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&RESOURCEID=parcelles.{ParcelId}"),
        Wfs("wfs20-propertyvalue", "SERVICE=WFS&VERSION=2.0.0&REQUEST=GetPropertyValue&TYPENAMES=geomas:parcelles&VALUEREFERENCE=geomas:commune&COUNT=5"),
        Wfs("wfs20-liststored", "SERVICE=WFS&VERSION=2.0.0&REQUEST=ListStoredQueries"),
        Wfs("wfs20-describestored", "SERVICE=WFS&VERSION=2.0.0&REQUEST=DescribeStoredQueries&STOREDQUERY_ID=urn:ogc:def:query:OGC-WFS::GetFeatureById"),
        Wfs("wfs20-storedquery", $"SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&STOREDQUERY_ID=http://www.opengis.net/def/query/OGC-WFS/0/GetFeatureById&ID=parcelles.{ParcelId}"),
        Wfs("wfs11-getfeature", "SERVICE=WFS&VERSION=1.1.0&REQUEST=GetFeature&TYPENAME=geomas:communes&MAXFEATURES=3&SRSNAME=EPSG:2154"),
        Wfs("wfs11-dft", "SERVICE=WFS&VERSION=1.1.0&REQUEST=DescribeFeatureType&TYPENAME=geomas:sentiers"),

        // WFS, POST XML
        WfsPost("wfs20-post-getfeature", $"""
            <wfs:GetFeature service="WFS" version="2.0.0" count="5" startIndex="1" xmlns:wfs="{Wfs20}" xmlns:fes="{Fes}" xmlns:geomas="http://geomas.org/ogc">
              <wfs:Query typeNames="geomas:parcelles" srsName="urn:ogc:def:crs:EPSG::4326">
                <wfs:PropertyName>geomas:numero</wfs:PropertyName>
                <fes:Filter><fes:And><fes:PropertyIsEqualTo><fes:ValueReference>geomas:commune</fes:ValueReference><fes:Literal>05061</fes:Literal></fes:PropertyIsEqualTo><fes:PropertyIsGreaterThan><fes:ValueReference>contenance</fes:ValueReference><fes:Literal>100</fes:Literal></fes:PropertyIsGreaterThan></fes:And></fes:Filter>
                <fes:SortBy><fes:SortProperty><fes:ValueReference>numero</fes:ValueReference><fes:SortOrder>DESC</fes:SortOrder></fes:SortProperty></fes:SortBy>
              </wfs:Query>
            </wfs:GetFeature>
            """),
        WfsPost("wfs20-post-bbox", $"""
            <wfs:GetFeature service="WFS" version="2.0.0" count="5" xmlns:wfs="{Wfs20}" xmlns:fes="{Fes}" xmlns:gml="http://www.opengis.net/gml/3.2">
              <wfs:Query typeNames="geomas:batiments"><fes:Filter><fes:BBOX><fes:ValueReference>geom</fes:ValueReference><gml:Envelope srsName="urn:ogc:def:crs:EPSG::2154"><gml:lowerCorner>944000 6388700</gml:lowerCorner><gml:upperCorner>945000 6389700</gml:upperCorner></gml:Envelope></fes:BBOX></fes:Filter></wfs:Query>
            </wfs:GetFeature>
            """),
        WfsPost("wfs20-post-dft", $"""<wfs:DescribeFeatureType service="WFS" version="2.0.0" xmlns:wfs="{Wfs20}"><wfs:TypeName>geomas:plu_zones</wfs:TypeName></wfs:DescribeFeatureType>"""),
        WfsPost("wfs20-post-propertyvalue", $"""
            <wfs:GetPropertyValue service="WFS" version="2.0.0" valueReference="geomas:section" count="4" xmlns:wfs="{Wfs20}"><wfs:Query typeNames="geomas:parcelles"/></wfs:GetPropertyValue>
            """),
        WfsPost("wfs20-post-storedquery", $"""
            <wfs:GetFeature service="WFS" version="2.0.0" xmlns:wfs="{Wfs20}"><wfs:StoredQuery id="http://www.opengis.net/def/query/OGC-WFS/0/GetFeatureById"><wfs:Parameter name="ID">parcelles.{ParcelId}</wfs:Parameter></wfs:StoredQuery></wfs:GetFeature>
            """),
        WfsPost("wfs20-post-caps", $"""<wfs:GetCapabilities service="WFS" xmlns:wfs="{Wfs20}" xmlns:ows="http://www.opengis.net/ows/1.1"><ows:AcceptVersions><ows:Version>2.0.0</ows:Version></ows:AcceptVersions></wfs:GetCapabilities>"""),
        WfsPost("wfs11-post-getfeature", """
            <wfs:GetFeature service="WFS" version="1.1.0" maxFeatures="3" xmlns:wfs="http://www.opengis.net/wfs" xmlns:ogc="http://www.opengis.net/ogc">
              <wfs:Query typeName="geomas:routes"><ogc:Filter><ogc:PropertyIsLike wildCard="*" singleChar="." escapeChar="!"><ogc:PropertyName>nom</ogc:PropertyName><ogc:Literal>N*</ogc:Literal></ogc:PropertyIsLike></ogc:Filter></wfs:Query>
            </wfs:GetFeature>
            """),

        // OGC API – Features
        Api("oapif-landing", "/"),
        Api("oapif-landing-html", "/?f=html"),
        Api("oapif-conformance", "/conformance?f=json"),
        Api("oapif-api", "/api"),
        Api("oapif-collections", "/collections"),
        Api("oapif-collection", "/collections/parcelles?f=json"),
        Api("oapif-items-bbox", $"/collections/parcelles/items?limit=5&offset=3&bbox={Box4326LonLat}&sortby=-contenance&properties=commune,numero"),
        Api("oapif-items-bboxcrs", $"/collections/batiments/items?limit=3&bbox={Box2154}&bbox-crs=http://www.opengis.net/def/crs/EPSG/0/2154&crs=http://www.opengis.net/def/crs/EPSG/0/2154"),
        Api("oapif-items-datetime", "/collections/plu_zones/items?limit=4&datetime=2010-01-01T00:00:00Z/.."),
        Api("oapif-items-cql2text", "/collections/parcelles/items?limit=3&filter-lang=cql2-text&filter=commune = '05061' AND contenance > 500 AND section LIKE 'A%'"),
        Api("oapif-items-cql2spatial", "/collections/batiments/items?limit=3&filter=S_INTERSECTS(geometry, POLYGON((6.073 44.558, 6.086 44.558, 6.086 44.567, 6.073 44.567, 6.073 44.558)))&filter-crs=http://www.opengis.net/def/crs/OGC/1.3/CRS84"),
        Api("oapif-items-cql2json", "/collections/sentiers/items?limit=3&filter-lang=cql2-json&filter={\"op\":\"and\",\"args\":[{\"op\":\">=\",\"args\":[{\"property\":\"difficulte\"},2]},{\"op\":\"in\",\"args\":[{\"property\":\"parcours\"},[\"boucle\",\"aller-retour\"]]}]}"),
        Api("oapif-items-equality", "/collections/routes/items?classe=nationale&limit=2&f=geojson"),
        Api("oapif-items-html", "/collections/communes/items?limit=2&f=html"),
        Api("oapif-items-csv", "/collections/parcelles/items?commune=05061&section=AB&f=csv"),
        Api("oapif-items-fgb", "/collections/batiments/items?bbox=6.075,44.555,6.078,44.558&f=fgb"),
        Api("oapif-item", $"/collections/parcelles/items/{ParcelId}?properties=section&crs=http://www.opengis.net/def/crs/EPSG/0/4326"),
        Api("oapif-item-html", $"/collections/parcelles/items/{ParcelId}?f=html"),
        Api("oapif-queryables", "/collections/plu_zones/queryables"),
        Api("oapif-queryables-html", "/collections/plu_zones/queryables?f=html"),

        // Operations
        FuzzTemplate.Get("health-live", FuzzProtocol.Operations, "/health/live"),
        FuzzTemplate.Get("health-ready", FuzzProtocol.Operations, "/health/ready"),
        FuzzTemplate.Get("metrics", FuzzProtocol.Operations, "/metrics"),
    ];

    /// <summary>The admin endpoints (off by default: only for a server with admin.enabled and a throwaway cache).</summary>
    public static IReadOnlyList<FuzzTemplate> Admin { get; } =
    [
        FuzzTemplate.Get("admin-jobs", FuzzProtocol.Admin, "/admin/jobs"),
        FuzzTemplate.Post("admin-seed", FuzzProtocol.Admin, "/admin/seed", """{"layers":["communes"],"minZoom":0,"maxZoom":1,"tms":"WebMercatorQuad","format":"image/png"}""", "application/json"),
        FuzzTemplate.Post("admin-truncate", FuzzProtocol.Admin, "/admin/truncate", """{"layers":["communes"]}""", "application/json"),
    ];

    private static FuzzTemplate Wms(string name, string query) => FuzzTemplate.Get(name, FuzzProtocol.Wms, "/wms?" + query);

    private static FuzzTemplate Wmts(string name, string url) => FuzzTemplate.Get(name, FuzzProtocol.Wmts, url);

    private static FuzzTemplate Xyz(string name, string url) => FuzzTemplate.Get(name, FuzzProtocol.Xyz, url);

    private static FuzzTemplate Wfs(string name, string query) => FuzzTemplate.Get(name, FuzzProtocol.Wfs, "/wfs?" + query);

    private static FuzzTemplate WfsPost(string name, string xml) => FuzzTemplate.Post(name, FuzzProtocol.Wfs, "/wfs", xml, "application/xml");

    private static FuzzTemplate Api(string name, string url) => FuzzTemplate.Get(name, FuzzProtocol.OgcApi, url);
}
