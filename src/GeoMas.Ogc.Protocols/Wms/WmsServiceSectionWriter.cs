using System.Xml;
using GeoMas.Ogc.Core.Catalog;

namespace GeoMas.Ogc.Protocols.Wms;

/// <summary>
/// The elements WMS 1.1.1 and 1.3.0 write word for word (KeywordList, ContactInformation); the versions differ
/// only in the namespace (none under the 1.1.1 DTD, the WMS namespace in 1.3.0).
/// </summary>
internal sealed class WmsServiceSectionWriter(string? ns)
{
    public async Task KeywordsAsync(XmlWriter xml, IReadOnlyList<string> keywords)
    {
        if (keywords.Count == 0)
            return;
        await xml.WriteStartElementAsync(null, "KeywordList", ns);
        foreach (var keyword in keywords)
            await Element(xml, "Keyword", keyword);
        await xml.WriteEndElementAsync();
    }

    public async Task ContactAsync(XmlWriter xml, ContactInfo contact)
    {
        var hasPerson = contact.Person.Length > 0 || contact.Organization.Length > 0;
        var hasAddress = contact.Address.Length > 0 || contact.City.Length > 0 || contact.PostCode.Length > 0 || contact.Country.Length > 0;
        if (!hasPerson && !hasAddress && contact.Position.Length == 0 && contact.Phone.Length == 0 && contact.Email.Length == 0)
            return;
        await xml.WriteStartElementAsync(null, "ContactInformation", ns);
        if (hasPerson)
        {
            await xml.WriteStartElementAsync(null, "ContactPersonPrimary", ns);
            await Element(xml, "ContactPerson", contact.Person);
            await Element(xml, "ContactOrganization", contact.Organization);
            await xml.WriteEndElementAsync();
        }
        if (contact.Position.Length > 0)
            await Element(xml, "ContactPosition", contact.Position);
        if (hasAddress)
        {
            await xml.WriteStartElementAsync(null, "ContactAddress", ns);
            await Element(xml, "AddressType", "postal");
            await Element(xml, "Address", contact.Address);
            await Element(xml, "City", contact.City);
            await Element(xml, "StateOrProvince", "");
            await Element(xml, "PostCode", contact.PostCode);
            await Element(xml, "Country", contact.Country);
            await xml.WriteEndElementAsync();
        }
        if (contact.Phone.Length > 0)
            await Element(xml, "ContactVoiceTelephone", contact.Phone);
        if (contact.Email.Length > 0)
            await Element(xml, "ContactElectronicMailAddress", contact.Email);
        await xml.WriteEndElementAsync();
    }

    private Task Element(XmlWriter xml, string name, string value) => xml.WriteElementStringAsync(null, name, ns, value);
}
