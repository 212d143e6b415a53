using GeoMas.Ogc.Core.Crs;

namespace GeoMas.Ogc.Core.Tests.Crs;

public class CrsIdentifierTests
{
    [Theory]
    // Short EPSG, any case, trimmed
    [InlineData("EPSG:4326", 4326, false, CrsForm.ShortEpsg)]
    [InlineData("EPSG:2154", 2154, false, CrsForm.ShortEpsg)]
    [InlineData("epsg:2154", 2154, false, CrsForm.ShortEpsg)]
    [InlineData("  EPSG:3857 ", 3857, false, CrsForm.ShortEpsg)]
    [InlineData("EPSG:99999", 99999, false, CrsForm.ShortEpsg)]
    // URNs: unversioned, versioned (WMTS ETS), x-ogc
    [InlineData("urn:ogc:def:crs:EPSG::2154", 2154, false, CrsForm.Urn)]
    [InlineData("URN:OGC:DEF:CRS:EPSG::4326", 4326, false, CrsForm.Urn)]
    [InlineData("urn:ogc:def:crs:EPSG:6.18:3:3857", 3857, false, CrsForm.Urn)]
    [InlineData("urn:ogc:def:crs:EPSG:9.9.1:2154", 2154, false, CrsForm.Urn)]
    [InlineData("urn:x-ogc:def:crs:EPSG:4326", 4326, false, CrsForm.Urn)]
    [InlineData("urn:x-ogc:def:crs:EPSG:6.11:4326", 4326, false, CrsForm.Urn)]
    // http / https URIs
    [InlineData("http://www.opengis.net/def/crs/EPSG/0/4326", 4326, false, CrsForm.HttpUri)]
    [InlineData("http://www.opengis.net/def/crs/EPSG/0/2154", 2154, false, CrsForm.HttpUri)]
    [InlineData("https://www.opengis.net/def/crs/EPSG/0/2154", 2154, false, CrsForm.HttpUri)]
    [InlineData("HTTP://WWW.OPENGIS.NET/DEF/CRS/EPSG/0/3944", 3944, false, CrsForm.HttpUri)]
    [InlineData("http://opengis.net/def/crs/EPSG/9.8.15/32631", 32631, false, CrsForm.HttpUri)]
    [InlineData("http://www.opengis.net/def/crs/EPSG/0/2154/", 2154, false, CrsForm.HttpUri)]
    // Safe CURIE
    [InlineData("[EPSG:2154]", 2154, false, CrsForm.SafeCurie)]
    [InlineData("[epsg:4326]", 4326, false, CrsForm.SafeCurie)]
    // GML 2 srs
    [InlineData("http://www.opengis.net/gml/srs/epsg.xml#2154", 2154, false, CrsForm.GmlSrs)]
    [InlineData("http://www.opengis.net/gml/srs/epsg.xml#4326", 4326, false, CrsForm.GmlSrs)]
    // CRS84 in every spelling
    [InlineData("CRS:84", 4326, true, CrsForm.OgcCrs84)]
    [InlineData("crs:84", 4326, true, CrsForm.OgcCrs84)]
    [InlineData("OGC:CRS84", 4326, true, CrsForm.OgcCrs84)]
    [InlineData("[OGC:CRS84]", 4326, true, CrsForm.OgcCrs84)]
    [InlineData("urn:ogc:def:crs:OGC:1.3:CRS84", 4326, true, CrsForm.OgcCrs84)]
    [InlineData("urn:ogc:def:crs:OGC::CRS84", 4326, true, CrsForm.OgcCrs84)]
    [InlineData("http://www.opengis.net/def/crs/OGC/1.3/CRS84", 4326, true, CrsForm.OgcCrs84)]
    [InlineData("https://www.opengis.net/def/crs/OGC/1.3/CRS84", 4326, true, CrsForm.OgcCrs84)]
    [InlineData("http://www.opengis.net/def/crs/OGC/0/CRS84h", 4326, true, CrsForm.OgcCrs84)]
    // IGNF
    [InlineData("IGNF:LAMB93", 2154, false, CrsForm.Ignf)]
    [InlineData("ignf:lamb93", 2154, false, CrsForm.Ignf)]
    [InlineData("urn:ogc:def:crs:IGNF::LAMB93", 2154, false, CrsForm.Ignf)]
    [InlineData("IGNF:LAMBE", 27572, false, CrsForm.Ignf)]
    [InlineData("IGNF:RGF93CC44", 3944, false, CrsForm.Ignf)]
    public void TryParse_AcceptsEveryTrap2Form(string text, int srid, bool isCrs84, CrsForm form)
    {
        Assert.True(CrsIdentifier.TryParse(text, out var crs));
        Assert.Equal(srid, crs.Srid);
        Assert.Equal(isCrs84, crs.IsCrs84);
        Assert.Equal(form, crs.Form);
        Assert.Equal(text.Trim(), crs.Original);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("2154")]
    [InlineData("EPSG")]
    [InlineData("EPSG:")]
    [InlineData("EPSG:abc")]
    [InlineData("EPSG:-4326")]
    [InlineData("EPSG:0")]
    [InlineData("EPSG:4326:1")]
    [InlineData("EPSG:+4326")]
    [InlineData("EPSG: 4326")]
    [InlineData("ESRI:102110")]
    [InlineData("CRS:83")]
    [InlineData("OGC:CRS27")]
    [InlineData("IGNF:UNKNOWN")]
    [InlineData("[EPSG:2154")]
    [InlineData("urn:ogc:def:crs:EPSG")]
    [InlineData("urn:ogc:def:crs:EPSG::")]
    [InlineData("urn:ogc:def:crs:ESRI::102110")]
    [InlineData("urn:ogc:def:uom:EPSG::9001")]
    [InlineData("urn:foo:def:crs:EPSG::4326")]
    [InlineData("http://example.com/def/crs/EPSG/0/4326")]
    [InlineData("http://www.opengis.net/def/crs/EPSG/4326")]
    [InlineData("http://www.opengis.net/def/uom/EPSG/0/9001")]
    [InlineData("http://www.opengis.net/gml/srs/epsg.xml#")]
    [InlineData("ftp://www.opengis.net/def/crs/EPSG/0/4326")]
    public void TryParse_RejectsUnknownSyntax(string? text)
    {
        Assert.False(CrsIdentifier.TryParse(text, out var crs));
        Assert.Equal(default, crs);
    }

    [Fact]
    public void Parse_ThrowsFormatException_OnUnknownSyntax() =>
        Assert.Throws<FormatException>(() => CrsIdentifier.Parse("not a crs"));

    [Fact]
    public void Parse_ReturnsSameAsTryParse() =>
        Assert.Equal(new CrsIdentifier(2154, false, CrsForm.Urn, "urn:ogc:def:crs:EPSG::2154"), CrsIdentifier.Parse("urn:ogc:def:crs:EPSG::2154"));

    [Theory]
    [InlineData("EPSG:2154", "EPSG:2154", "urn:ogc:def:crs:EPSG::2154", "http://www.opengis.net/def/crs/EPSG/0/2154")]
    [InlineData("[EPSG:3857]", "EPSG:3857", "urn:ogc:def:crs:EPSG::3857", "http://www.opengis.net/def/crs/EPSG/0/3857")]
    [InlineData("urn:x-ogc:def:crs:EPSG:4326", "EPSG:4326", "urn:ogc:def:crs:EPSG::4326", "http://www.opengis.net/def/crs/EPSG/0/4326")]
    [InlineData("IGNF:LAMB93", "EPSG:2154", "urn:ogc:def:crs:EPSG::2154", "http://www.opengis.net/def/crs/EPSG/0/2154")]
    [InlineData("CRS:84", "CRS:84", "urn:ogc:def:crs:OGC:1.3:CRS84", "http://www.opengis.net/def/crs/OGC/1.3/CRS84")]
    [InlineData("http://www.opengis.net/def/crs/OGC/0/CRS84h", "CRS:84", "urn:ogc:def:crs:OGC:1.3:CRS84", "http://www.opengis.net/def/crs/OGC/1.3/CRS84")]
    public void Emitters_WriteCanonicalForms(string text, string shortForm, string urn, string httpUri)
    {
        var crs = CrsIdentifier.Parse(text);
        Assert.Equal(shortForm, crs.ToShortForm());
        Assert.Equal(urn, crs.ToUrn());
        Assert.Equal(httpUri, crs.ToHttpUri());
    }

    [Theory]
    [InlineData(2154)]
    [InlineData(4326)]
    [InlineData(3857)]
    public void EmittedForms_ParseBackToTheSameCrs(int srid)
    {
        var crs = CrsIdentifier.Epsg(srid);
        Assert.Equal(CrsForm.ShortEpsg, crs.Form);
        Assert.True(CrsIdentifier.Parse(crs.ToShortForm()).DenotesSameCrs(crs));
        Assert.Equal(CrsForm.Urn, CrsIdentifier.Parse(crs.ToUrn()).Form);
        Assert.True(CrsIdentifier.Parse(crs.ToUrn()).DenotesSameCrs(crs));
        Assert.Equal(CrsForm.HttpUri, CrsIdentifier.Parse(crs.ToHttpUri()).Form);
        Assert.True(CrsIdentifier.Parse(crs.ToHttpUri()).DenotesSameCrs(crs));
    }

    [Fact]
    public void Epsg_UsesShortFormAsOriginal()
    {
        var crs = CrsIdentifier.Epsg(2154);
        Assert.Equal(new CrsIdentifier(2154, false, CrsForm.ShortEpsg, "EPSG:2154"), crs);
    }

    [Fact]
    public void Epsg_RejectsNonPositiveCodes() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CrsIdentifier.Epsg(0));

    [Fact]
    public void Crs84_IsWgs84LonLat()
    {
        var crs = CrsIdentifier.Crs84;
        Assert.Equal(4326, crs.Srid);
        Assert.True(crs.IsCrs84);
        Assert.Equal(CrsForm.OgcCrs84, crs.Form);
        Assert.True(CrsIdentifier.Parse("CRS:84").DenotesSameCrs(crs));
        Assert.False(CrsIdentifier.Epsg(4326).DenotesSameCrs(crs));
    }
}
