using System.Xml;
using GeoMas.Ogc.Core.Catalog;

namespace GeoMas.Ogc.Protocols.Wfs;

/// <summary>
/// <c>ows:ServiceProvider</c> from the service metadata; the element is word for word the same in OWS 1.0 (WFS 1.1.0)
/// and OWS 1.1 (WFS 2.0.0), only the namespace differs.
/// </summary>
internal static class WfsOwsServiceProviderWriter
{
    private const string XlinkNs = "http://www.w3.org/1999/xlink";

    public static async Task WriteAsync(XmlWriter xml, string owsNs, ServiceMetadata service)
    {
        var contact = service.Contact;
        await xml.WriteStartElementAsync("ows", "ServiceProvider", owsNs);
        await Ows(xml, owsNs, "ProviderName", contact.Organization.Length > 0 ? contact.Organization : service.Title);
        if (contact.Url.Length > 0)
            await LinkAsync(xml, owsNs, "ProviderSite", contact.Url);
        await xml.WriteStartElementAsync("ows", "ServiceContact", owsNs);
        if (contact.Person.Length > 0)
            await Ows(xml, owsNs, "IndividualName", contact.Person);
        if (contact.Position.Length > 0)
            await Ows(xml, owsNs, "PositionName", contact.Position);
        await xml.WriteStartElementAsync("ows", "ContactInfo", owsNs);
        if (contact.Phone.Length > 0)
        {
            await xml.WriteStartElementAsync("ows", "Phone", owsNs);
            await Ows(xml, owsNs, "Voice", contact.Phone);
            await xml.WriteEndElementAsync();
        }
        await xml.WriteStartElementAsync("ows", "Address", owsNs);
        if (contact.Address.Length > 0)
            await Ows(xml, owsNs, "DeliveryPoint", contact.Address);
        if (contact.City.Length > 0)
            await Ows(xml, owsNs, "City", contact.City);
        if (contact.PostCode.Length > 0)
            await Ows(xml, owsNs, "PostalCode", contact.PostCode);
        if (contact.Country.Length > 0)
            await Ows(xml, owsNs, "Country", contact.Country);
        if (contact.Email.Length > 0)
            await Ows(xml, owsNs, "ElectronicMailAddress", contact.Email);
        await xml.WriteEndElementAsync();
        if (contact.Url.Length > 0)
            await LinkAsync(xml, owsNs, "OnlineResource", contact.Url);
        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
        await xml.WriteEndElementAsync();
    }

    private static async Task LinkAsync(XmlWriter xml, string owsNs, string name, string href)
    {
        await xml.WriteStartElementAsync("ows", name, owsNs);
        await xml.WriteAttributeStringAsync("xlink", "type", XlinkNs, "simple");
        await xml.WriteAttributeStringAsync("xlink", "href", XlinkNs, href);
        await xml.WriteEndElementAsync();
    }

    private static Task Ows(XmlWriter xml, string owsNs, string name, string value) => xml.WriteElementStringAsync("ows", name, owsNs, value);
}
