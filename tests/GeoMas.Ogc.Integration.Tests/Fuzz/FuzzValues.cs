namespace GeoMas.Ogc.Integration.Tests.Fuzz;

/// <summary>The hostile values the mutations draw from (decoded text; the request encodes it unless sent raw).</summary>
public static class FuzzValues
{
    public static IReadOnlyList<string> Numbers { get; } =
    [
        "0", "-0", "-1", "-2147483648", "2147483647", "2147483648", "-2147483649", "4294967296", "9223372036854775807",
        "9223372036854775808", "-9223372036854775809", "99999999999999999999999999999999", "1e309", "-1e309", "1e-400",
        "NaN", "nan", "Infinity", "-Infinity", "inf", "1.7976931348623157E+308", "4.9E-324", "0x7fffffff", "1,5", "1.5.5",
        "1e", "--1", "+1", "١٢٣", "１２", "3.0000000000000000000000000000001", " 5 ", "5\u0000",
    ];

    public static IReadOnlyList<string> Garbage { get; } =
    [
        "", " ", "\t", "null", "undefined", "true", "[]", "{}", "()", ",", ",,,,", ";", "*", "%", "\\", "\"", "'", "`",
        "\u0000", "\u0001\u0002\u0003", "\r\nX-Injected: 1", "\u202Edecnava\u202C", "\u200B\uFEFF", "עברית مرحبا", "日本語の層",
        "😀🗺️", "ÿþ", "Ａ", "İı", "\uFFFD", "a\u0301\u0301\u0301\u0301\u0301",
        "' OR '1'='1", "1; DROP TABLE geomas.parcelles; --", "\"; SELECT pg_sleep(30); --", "1' UNION SELECT password FROM pg_shadow--",
        "$1", "%s%s%s%n", "{0}", "${jndi:ldap://127.0.0.1/x}", "{{7*7}}", "<script>alert(1)</script>",
        "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>",
        "../../../../etc/passwd", "..\\..\\windows\\win.ini", "/etc/passwd", "file:///etc/passwd", "http://169.254.169.254/latest/meta-data/",
        "EPSG:999999", "EPSG:", "EPSG:-1", "EPSG:4326:4326", "epsg:2154", "urn:ogc:def:crs:EPSG::2154x", "urn:ogc:def:crs:EPSG::",
        "CRS:84", "CRS:83", "http://www.opengis.net/def/crs/EPSG/0/999999", "http://www.opengis.net/def/crs/OGC/1.3/CRS84",
        "http://www.opengis.net/def/crs/EPSG/0/", "AUTO2:42001,1,6,45", "EPSG:3857", "EPSG:32631", "EPSG:27572",
        "image/png; mode=8bit", "image/", "image/gif", "application/xml", "text/html", "application/json", "*/*",
        "geomas:", ":", "geomas:nope", "nope:parcelles", "parcelles,parcelles,parcelles", "plan,fond_plan,ortho",
        "1,2,3", "1,2,3,4,5", "a,b,c,d", "1,1,1,1", "0,0,0,0", "-180,-90,180,90", "-1e309,0,1e309,1", "NaN,NaN,NaN,NaN",
        "2015-13-45", "2015-06-01T25:61:61Z", "../..", "..", "/", "2015-06-01/2010-01-01", "9999-12-31T23:59:59Z", "0000-00-00",
        "-271821-04-20T00:00:00Z", "P1Y", "now", "current",
    ];

    public static IReadOnlyList<string> Cql2 { get; } =
    [
        "commune =", "= '05061'", "commune = '05061", "commune == 05061", "commune = 05061 AND", "AND", "NOT", "(", ")", "((",
        "commune IN ()", "commune IN ('a',)", "commune LIKE", "commune BETWEEN 1 AND", "contenance > 1e309", "contenance > NaN",
        "contenance / 0 > 1", "nope = 1", "\"geom\" = 1", "geom = 'x'", "S_INTERSECTS(geom)", "S_INTERSECTS(geom, POINT())",
        "S_INTERSECTS(geom, POLYGON((0 0, 1 1)))", "S_INTERSECTS(geom, POLYGON((1e309 0, 0 0, 0 1, 1e309 0)))",
        "S_INTERSECTS(geom, BBOX(1,2))", "S_DWITHIN(geom, POINT(6 44), -1, meters)", "T_INTERSECTS(valid_from, INTERVAL('x','y'))",
        "T_AFTER(nope, TIMESTAMP('2020-01-01T00:00:00Z'))", "CASEI(commune) = casei('a'", "ACCENTI(", "unknown_fn(commune) = 1",
        "commune = '05061'; DELETE FROM geomas.parcelles", "commune = $$x$$", "commune = E'\\x00'", "commune = '\u0000'",
        "TRUE AND FALSE OR", "1 = 1", "'a' = 'a'", "commune IS NULL IS NULL", "commune IS NOT", "A_CONTAINS(commune, ('a'))",
    ];

    public static IReadOnlyList<string> Json { get; } =
    [
        "{", "}", "[", "{\"op\":\"and\"}", "{\"op\":\"and\",\"args\":[]}", "{\"op\":\"=\",\"args\":[{\"property\":\"nope\"},1]}",
        "{\"op\":\"=\",\"args\":[{\"property\":\"commune\"}]}", "{\"op\":\"=\",\"args\":null}", "{\"op\":1}", "{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geom\"},{\"type\":\"Point\"}]}",
        "{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geom\"},{\"type\":\"Polygon\",\"coordinates\":[[[0,0]]]}]}",
        "{\"op\":\"<\",\"args\":[{\"property\":\"difficulte\"},1e999]}", "\"string\"", "123", "null", "{\"op\":\"=\",\"args\":[{\"property\":\"commune\"},\"\\ud800\"]}",
        "{\"layers\":\"communes\"}", "{\"layers\":[1,2]}", "{\"layers\":[\"communes\"],\"maxZoom\":\"1\"}", "{\"layers\":[null]}",
    ];

    /// <summary>Percent-encoding garbage, sent raw in the URL.</summary>
    public static IReadOnlyList<string> RawEncoded { get; } =
    [
        "%", "%%", "%zz", "%4", "%00", "%0d%0a", "%ff%fe", "%c0%ae%c0%ae%2f", "%ed%a0%80", "%e2%80%ae", "%25%32%65",
        "..%2f..%2f..%2fetc%2fpasswd", "%2e%2e%2f%2e%2e%2f", "%u002e", "+++", "a+b%2Bc", "%F0%9F%98", "%C3",
    ];

    /// <summary>A path segment for traversal and routing garbage, sent raw.</summary>
    public static IReadOnlyList<string> RawSegments { get; } =
    [
        "..%2f..%2f..%2fetc%2fpasswd", "%2e%2e", "%2e%2e%2f%2e%2e%2fconfig%2fgeomas.json", "..%5c..%5cwindows", "%00", "%ff",
        "%c0%af", "%20", "a%2fb", "-1", "2147483648", "99999999999999999999", "1e3", "NaN", "0x10", "1.5", "%E2%80%AE", "%F0%9F%98%80",
        "geomas:parcelles", "PARCELLES", "Parcelles", "x.png", "..png", ".json", "~", "%7e", "*", "default;x=1",
    ];
}
