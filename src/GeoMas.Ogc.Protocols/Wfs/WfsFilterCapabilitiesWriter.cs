using System.Xml;

namespace GeoMas.Ogc.Protocols.Wfs;

/// <summary>
/// <c>fes:Filter_Capabilities</c> (FES 2.0 §7.14, FES-1, DECL-WFS2), declaring exactly what the FES reader
/// (Core/Features/Filtering/Fes) and the SQL compilers accept: every comparison operator (Nil reads as Null), the
/// logical ones, resource ids, all eleven spatial operators over the GML geometries the reader parses, the temporal
/// operators it implements that FES 2.0 names (After, Before, During, TEquals: the minimum temporal class, not the full
/// one; AnyInteracts is parsed too but is not in the FES 2.0 operator list), sorting, minimum XPath (property names), and the four string functions.
/// </summary>
internal static class WfsFilterCapabilitiesWriter
{
    public const string FesNs = "http://www.opengis.net/fes/2.0";
    private const string OwsNs = WfsExceptionReportWriter.Ows11;

    private static readonly (string Name, bool Value)[] Conformance =
    [
        ("ImplementsQuery", true),
        ("ImplementsAdHocQuery", true),
        ("ImplementsFunctions", true),
        ("ImplementsResourceId", true),
        ("ImplementsMinStandardFilter", true),
        ("ImplementsStandardFilter", true),
        ("ImplementsMinSpatialFilter", true),
        ("ImplementsSpatialFilter", true),
        ("ImplementsMinTemporalFilter", true),
        ("ImplementsTemporalFilter", false),
        ("ImplementsVersionNav", false),
        ("ImplementsSorting", true),
        ("ImplementsExtendedOperators", false),
        ("ImplementsMinimumXPath", true),
        ("ImplementsSchemaElementFunc", false),
    ];

    public static readonly string[] ComparisonOperators =
    [
        "PropertyIsEqualTo", "PropertyIsNotEqualTo", "PropertyIsLessThan", "PropertyIsGreaterThan", "PropertyIsLessThanOrEqualTo",
        "PropertyIsGreaterThanOrEqualTo", "PropertyIsLike", "PropertyIsNull", "PropertyIsNil", "PropertyIsBetween",
    ];

    public static readonly string[] GeometryOperands =
    [
        "gml:Envelope", "gml:Point", "gml:MultiPoint", "gml:LineString", "gml:Curve", "gml:MultiCurve",
        "gml:Polygon", "gml:Surface", "gml:MultiSurface",
    ];

    public static readonly string[] SpatialOperators =
        ["BBOX", "Equals", "Disjoint", "Intersects", "Touches", "Crosses", "Within", "Contains", "Overlaps", "DWithin", "Beyond"];

    public static readonly string[] TemporalOperators = ["After", "Before", "During", "TEquals"];

    // Canonical names of Core's FilterFunctionNames (aliases upper/lower/length/concat are accepted too).
    private static readonly (string Name, string Returns, string[] Arguments)[] Functions =
    [
        ("strToUpperCase", "xs:string", ["string"]),
        ("strToLowerCase", "xs:string", ["string"]),
        ("strLength", "xs:int", ["string"]),
        ("Concatenate", "xs:string", ["string1", "string2"]),
    ];

    /// <summary>Writes the element; the caller has declared the fes, ows, gml (3.2) and xs prefixes on the root.</summary>
    public static async Task WriteAsync(XmlWriter xml)
    {
        await xml.WriteStartElementAsync("fes", "Filter_Capabilities", FesNs);
        await xml.WriteStartElementAsync("fes", "Conformance", FesNs);
        foreach (var (name, value) in Conformance)
        {
            await xml.WriteStartElementAsync("fes", "Constraint", FesNs);
            await xml.WriteAttributeStringAsync(null, "name", null, name);
            await xml.WriteElementStringAsync("ows", "NoValues", OwsNs, "");
            await xml.WriteElementStringAsync("ows", "DefaultValue", OwsNs, value ? "TRUE" : "FALSE");
            await xml.WriteEndElementAsync();
        }
        await xml.WriteEndElementAsync();

        await xml.WriteStartElementAsync("fes", "Id_Capabilities", FesNs);
        await NamedAsync(xml, "ResourceIdentifier", "fes:ResourceId");
        await xml.WriteEndElementAsync();

        await xml.WriteStartElementAsync("fes", "Scalar_Capabilities", FesNs);
        await xml.WriteElementStringAsync("fes", "LogicalOperators", FesNs, "");
        await ListAsync(xml, "ComparisonOperators", "ComparisonOperator", ComparisonOperators);
        await xml.WriteEndElementAsync();

        await xml.WriteStartElementAsync("fes", "Spatial_Capabilities", FesNs);
        await ListAsync(xml, "GeometryOperands", "GeometryOperand", GeometryOperands);
        await ListAsync(xml, "SpatialOperators", "SpatialOperator", SpatialOperators);
        await xml.WriteEndElementAsync();

        await xml.WriteStartElementAsync("fes", "Temporal_Capabilities", FesNs);
        await ListAsync(xml, "TemporalOperands", "TemporalOperand", ["gml:TimeInstant", "gml:TimePeriod"]);
        await ListAsync(xml, "TemporalOperators", "TemporalOperator", TemporalOperators);
        await xml.WriteEndElementAsync();

        await xml.WriteStartElementAsync("fes", "Functions", FesNs);
        foreach (var (name, returns, arguments) in Functions)
        {
            await xml.WriteStartElementAsync("fes", "Function", FesNs);
            await xml.WriteAttributeStringAsync(null, "name", null, name);
            await xml.WriteElementStringAsync("fes", "Returns", FesNs, returns);
            await xml.WriteStartElementAsync("fes", "Arguments", FesNs);
            foreach (var argument in arguments)
            {
                await xml.WriteStartElementAsync("fes", "Argument", FesNs);
                await xml.WriteAttributeStringAsync(null, "name", null, argument);
                await xml.WriteElementStringAsync("fes", "Type", FesNs, "xs:string");
                await xml.WriteEndElementAsync();
            }
            await xml.WriteEndElementAsync();
            await xml.WriteEndElementAsync();
        }
        await xml.WriteEndElementAsync();

        await xml.WriteEndElementAsync();
    }

    private static async Task ListAsync(XmlWriter xml, string container, string item, IEnumerable<string> names)
    {
        await xml.WriteStartElementAsync("fes", container, FesNs);
        foreach (var name in names)
            await NamedAsync(xml, item, name);
        await xml.WriteEndElementAsync();
    }

    private static async Task NamedAsync(XmlWriter xml, string element, string name)
    {
        await xml.WriteStartElementAsync("fes", element, FesNs);
        await xml.WriteAttributeStringAsync(null, "name", null, name);
        await xml.WriteEndElementAsync();
    }
}
