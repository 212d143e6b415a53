namespace GeoMas.Ogc.Protocols.Tests.Support;

/// <summary>The validators really reject invalid documents (otherwise every "schema-valid" test would be vacuous).</summary>
public sealed class SchemaFilesTests
{
    [Fact]
    public void Capabilities_validator_rejects_elements_out_of_order()
    {
        const string xml = """
            <WMS_Capabilities xmlns="http://www.opengis.net/wms" version="1.3.0">
              <Capability/><Service><Name>WMS</Name></Service>
            </WMS_Capabilities>
            """;
        Assert.NotEmpty(SchemaFiles.ValidateCapabilities130(xml));
    }

    [Fact]
    public void Exception_validator_rejects_an_unknown_attribute()
    {
        const string xml = """<ServiceExceptionReport xmlns="http://www.opengis.net/ogc" version="1.3.0"><ServiceException code="x" bogus="1"/></ServiceExceptionReport>""";
        Assert.NotEmpty(SchemaFiles.ValidateExceptions130(xml));
    }

    [Fact]
    public void Dtd_validator_rejects_a_locator_in_a_111_exception()
    {
        const string xml = """
            <?xml version="1.0"?>
            <!DOCTYPE ServiceExceptionReport SYSTEM "http://schemas.opengis.net/wms/1.1.1/exception_1_1_1.dtd">
            <ServiceExceptionReport version="1.1.1"><ServiceException code="x" locator="y">m</ServiceException></ServiceExceptionReport>
            """;
        Assert.NotEmpty(SchemaFiles.ValidateWithDtd(xml));
    }
}
