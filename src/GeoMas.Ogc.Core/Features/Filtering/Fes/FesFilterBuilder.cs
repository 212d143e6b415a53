using System.Xml.Linq;
using GeoMas.Ogc.Core.Crs;
using NetTopologySuite.Geometries;

namespace GeoMas.Ogc.Core.Features.Filtering.Fes;

/// <summary>
/// Turns a loaded <c>Filter</c> element into the AST. FES 2.0 and 1.1 spellings are both accepted
/// (ValueReference/PropertyName, ResourceId/FeatureId/GmlObjectId, Distance uom/units, escapeChar/escape).
/// </summary>
internal sealed class FesFilterBuilder(Fes20ReaderOptions options)
{
    private readonly HashSet<string> _properties = new(StringComparer.Ordinal);
    private AxisContext _axisContext = AxisContext.Wfs20;

    public ParsedFilter Build(XElement root)
    {
        if (!FesXml.IsFilter(root, "Filter"))
            throw FesXml.Error(root, $"Expected a fes:Filter element but found '{root.Name.LocalName}'.");
        if (root.Name.NamespaceName == FesNamespaces.Ogc)
            _axisContext = AxisContext.Wfs11;
        var children = root.Elements().ToList();
        if (children.Count == 0)
            throw FesXml.Error(root, "The filter is empty.");
        if (children.All(IsIdElement))
            return new ParsedFilter(Ids(children), _properties);
        if (children.Count > 1)
            throw FesXml.Error(children[1], "A filter holds one operator (combine several with And/Or).");
        return new ParsedFilter(Operator(children[0]), _properties);
    }

    private static bool IsIdElement(XElement e) =>
        FesXml.IsFilter(e, "ResourceId") || FesXml.IsFilter(e, "FeatureId") || FesXml.IsFilter(e, "GmlObjectId");

    private IdIn Ids(IEnumerable<XElement> elements) => new(elements.Select(e =>
    {
        var id = FesXml.Attribute(e, "rid") ?? FesXml.Attribute(e, "fid") ?? FesXml.Attribute(e, "id");
        return string.IsNullOrWhiteSpace(id) ? throw FesXml.Error(e, $"{e.Name.LocalName} needs an identifier (rid).") : RowId(id.Trim());
    }).ToArray());

    /// <summary>"parcelles.12" or "geomas:parcelles.12" → "12" when parcelles is a queried type.</summary>
    private string RowId(string id)
    {
        var dot = id.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || dot == id.Length - 1)
            return id;
        var type = id[..dot];
        var colon = type.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
            type = type[(colon + 1)..];
        return options.TypeNames.Contains(type) ? id[(dot + 1)..] : id;
    }

    private Filter Operator(XElement e)
    {
        if (!FesNamespaces.IsFilter(e.Name.NamespaceName))
            throw FesXml.Error(e, $"Unexpected element '{e.Name}' in a filter.");
        var name = e.Name.LocalName;
        switch (name)
        {
            case "And":
            case "Or":
                var operands = e.Elements().Select(Operator).ToArray();
                if (operands.Length < 2)
                    throw FesXml.Error(e, $"{name} needs at least two operands.");
                return name == "And" ? new And(operands) : new Or(operands);
            case "Not":
                return new Not(Operator(Single(e)));
            case "PropertyIsEqualTo": return Compare(e, ComparisonOperator.Equal);
            case "PropertyIsNotEqualTo": return Compare(e, ComparisonOperator.NotEqual);
            case "PropertyIsLessThan": return Compare(e, ComparisonOperator.LessThan);
            case "PropertyIsGreaterThan": return Compare(e, ComparisonOperator.GreaterThan);
            case "PropertyIsLessThanOrEqualTo": return Compare(e, ComparisonOperator.LessThanOrEqual);
            case "PropertyIsGreaterThanOrEqualTo": return Compare(e, ComparisonOperator.GreaterThanOrEqual);
            case "PropertyIsLike": return Like(e);
            // Nil is "null with a reason" in GML; the tables store plain nulls, so both read the same.
            case "PropertyIsNull":
            case "PropertyIsNil":
                return new IsNull(Expression(Single(e)));
            case "PropertyIsBetween": return Between(e);
            case "ResourceId" or "FeatureId" or "GmlObjectId":
                throw FesXml.Error(e, "Resource ids cannot be combined with other operators (put them directly in the Filter).");
            case "BBOX": return Bbox(e);
            case "Intersects": return Spatial(e, SpatialOperator.Intersects);
            case "Disjoint": return Spatial(e, SpatialOperator.Disjoint);
            case "Contains": return Spatial(e, SpatialOperator.Contains);
            case "Within": return Spatial(e, SpatialOperator.Within);
            case "Touches": return Spatial(e, SpatialOperator.Touches);
            case "Crosses": return Spatial(e, SpatialOperator.Crosses);
            case "Overlaps": return Spatial(e, SpatialOperator.Overlaps);
            case "Equals": return Spatial(e, SpatialOperator.Equals);
            case "DWithin": return Spatial(e, SpatialOperator.DWithin);
            case "Beyond": return Spatial(e, SpatialOperator.Beyond);
            case "After": return Temporal(e, TemporalOperator.After);
            case "Before": return Temporal(e, TemporalOperator.Before);
            case "During": return Temporal(e, TemporalOperator.During);
            case "TEquals": return Temporal(e, TemporalOperator.TEquals);
            case "AnyInteracts": return Temporal(e, TemporalOperator.AnyInteracts);
            case "Begins" or "BegunBy" or "TContains" or "TOverlaps" or "Meets" or "OverlappedBy" or "MetBy" or "EndedBy" or "Ends":
                throw FesXml.Error(e, $"Temporal operator {name} is not supported (supported: After, Before, During, TEquals, AnyInteracts).");
            default:
                throw FesXml.Error(e, $"Unknown or unsupported filter operator '{name}'.");
        }
    }

    private static XElement Single(XElement e)
    {
        var children = e.Elements().ToList();
        return children.Count == 1 ? children[0] : throw FesXml.Error(e, $"{e.Name.LocalName} takes exactly one operand, found {children.Count}.");
    }

    private static List<XElement> Operands(XElement e, int count)
    {
        var children = e.Elements().ToList();
        return children.Count == count ? children : throw FesXml.Error(e, $"{e.Name.LocalName} takes {count} operands, found {children.Count}.");
    }

    private Comparison Compare(XElement e, ComparisonOperator op)
    {
        var operands = Operands(e, 2);
        CheckMatchAction(e);
        return new Comparison(op, Expression(operands[0]), Expression(operands[1]), MatchCase(e));
    }

    private static bool MatchCase(XElement e) => FesXml.Attribute(e, "matchCase")?.Trim() switch
    {
        null or "true" or "1" => true,
        "false" or "0" => false,
        var other => throw FesXml.Error(e, $"matchCase '{other}' must be true or false."),
    };

    /// <summary>Any, All and One mean the same for the single-valued properties of these layers; others are errors.</summary>
    private static void CheckMatchAction(XElement e)
    {
        if (FesXml.Attribute(e, "matchAction")?.Trim() is { } action && action is not ("Any" or "All" or "One"))
            throw FesXml.Error(e, $"matchAction '{action}' must be Any, All or One.");
    }

    private Like Like(XElement e)
    {
        var operands = Operands(e, 2);
        if (!FesXml.IsFilter(operands[1], "Literal"))
            throw FesXml.Error(operands[1], "The pattern of PropertyIsLike must be a Literal.");
        return new Like(Expression(operands[0]), operands[1].Value,
            Char(e, "wildCard", '*'), Char(e, "singleChar", '.', "singleChar"), Char(e, "escapeChar", '!', "escape"), MatchCase(e));
    }

    private static char Char(XElement e, string name, char fallback, string? alias = null)
    {
        var value = FesXml.Attribute(e, name) ?? (alias is null ? null : FesXml.Attribute(e, alias));
        if (value is null)
            return fallback;
        return value.Length == 1 ? value[0] : throw FesXml.Error(e, $"{name} must be exactly one character, not '{value}'.");
    }

    private Between Between(XElement e)
    {
        var operands = Operands(e, 3);
        var lower = operands[1];
        var upper = operands[2];
        if (!FesXml.IsFilter(lower, "LowerBoundary") || !FesXml.IsFilter(upper, "UpperBoundary"))
            throw FesXml.Error(e, "PropertyIsBetween holds an expression, LowerBoundary and UpperBoundary.");
        return new Between(Expression(operands[0]), Expression(Single(lower)), Expression(Single(upper)));
    }

    private Expression Expression(XElement e)
    {
        if (!FesNamespaces.IsFilter(e.Name.NamespaceName))
            throw FesXml.Error(e, $"Expected an expression (ValueReference, Literal, Function) but found '{e.Name.LocalName}'.");
        switch (e.Name.LocalName)
        {
            case "ValueReference":
            case "PropertyName":
                return new PropertyName(PropertyName(e));
            case "Literal":
                if (e.HasElements)
                    throw FesXml.Error(e, "Literals with element content (e.g. geometries) are only allowed in spatial operators.");
                return new Literal(e.Value);
            case "Function":
                var name = FesXml.Attribute(e, "name") ?? throw FesXml.Error(e, "A Function needs a name.");
                var args = e.Elements().Select(Expression).ToArray();
                return FilterFunctionNames.TryResolve(name, args.Length, out var canonical, out var error)
                    ? new FunctionCall(canonical, args)
                    : throw FesXml.Error(e, error);
            case "Add": return Arithmetic(e, ArithmeticOperator.Add);
            case "Sub": return Arithmetic(e, ArithmeticOperator.Subtract);
            case "Mul": return Arithmetic(e, ArithmeticOperator.Multiply);
            case "Div": return Arithmetic(e, ArithmeticOperator.Divide);
            default:
                throw FesXml.Error(e, $"Expected an expression (ValueReference, Literal, Function) but found '{e.Name.LocalName}'.");
        }
    }

    private Arithmetic Arithmetic(XElement e, ArithmeticOperator op)
    {
        var operands = Operands(e, 2);
        return new Arithmetic(op, Expression(operands[0]), Expression(operands[1]));
    }

    private string PropertyName(XElement e)
    {
        if (!FesValueReference.TryNormalize(e.Value, out var name, out var error))
            throw FesXml.Error(e, error);
        _properties.Add(name);
        return name;
    }

    private bool IsValueReference(XElement e) => FesXml.IsFilter(e, "ValueReference") || FesXml.IsFilter(e, "PropertyName");

    private GmlGeometryReader Gml => new(options.DefaultCrs, _axisContext);

    private SpatialFilter Bbox(XElement e)
    {
        var children = e.Elements().ToList();
        string? property = null;
        if (children.Count == 2 && IsValueReference(children[0]))
        {
            property = PropertyName(children[0]);
            children.RemoveAt(0);
        }
        if (children.Count != 1)
            throw FesXml.Error(e, "BBOX holds an optional ValueReference and an envelope.");
        var geometry = ReadGeometry(children[0]);
        // BBOX means "intersects the envelope" whatever geometry was given.
        var envelope = geometry.Geometry.Factory.ToGeometry(geometry.Geometry.EnvelopeInternal);
        return new SpatialFilter(SpatialOperator.BBox, property, envelope, geometry.Srid);
    }

    private SpatialFilter Spatial(XElement e, SpatialOperator op)
    {
        var children = e.Elements().ToList();
        var distance = op is SpatialOperator.DWithin or SpatialOperator.Beyond;
        var expected = distance ? 3 : 2;
        string? property = null;
        if (children.Count == expected && IsValueReference(children[0]))
        {
            property = PropertyName(children[0]);
            children.RemoveAt(0);
        }
        if (children.Count != expected - 1)
            throw FesXml.Error(e, distance
                ? $"{e.Name.LocalName} holds a ValueReference, a geometry and a Distance."
                : $"{e.Name.LocalName} holds a ValueReference and a geometry.");
        var geometry = ReadGeometry(children[0]);
        double? d = null;
        if (distance)
        {
            if (!FesXml.IsFilter(children[1], "Distance"))
                throw FesXml.Error(children[1], $"Expected fes:Distance but found '{children[1].Name.LocalName}'.");
            d = FesDistance.Read(children[1], geometry.Crs);
        }
        return new SpatialFilter(op, property, geometry.Geometry, geometry.Srid, d);
    }

    private GmlGeometryReader.Result ReadGeometry(XElement e)
    {
        // FES 2.0 allows a geometry wrapped in fes:Literal.
        if (FesXml.IsFilter(e, "Literal"))
            e = e.Elements().SingleOrDefault() ?? throw FesXml.Error(e, "Expected a GML geometry inside the Literal.");
        if (!GmlGeometryReader.IsGeometryElement(e))
            throw FesXml.Error(e, $"Expected a GML geometry but found '{e.Name.LocalName}'.");
        return Gml.Read(e);
    }

    private Filter Temporal(XElement e, TemporalOperator op)
    {
        var operands = Operands(e, 2);
        if (!IsValueReference(operands[0]))
            throw FesXml.Error(operands[0], $"{e.Name.LocalName} starts with a ValueReference.");
        var property = PropertyName(operands[0]);
        var time = operands[1];
        if (FesXml.IsFilter(time, "Literal"))
            time = time.Elements().SingleOrDefault() ?? throw FesXml.Error(time, "Expected gml:TimeInstant or gml:TimePeriod inside the Literal.");
        var (start, end, isInstant) = GmlTimeReader.Read(time);
        if (op == TemporalOperator.TEquals && !isInstant)
            throw FesXml.Error(time, "TEquals compares with a gml:TimeInstant.");
        if (op == TemporalOperator.During && isInstant)
            throw FesXml.Error(time, "During needs a gml:TimePeriod.");
        if ((op == TemporalOperator.After && end is null) || (op == TemporalOperator.Before && start is null))
            throw FesXml.Error(time, $"{e.Name.LocalName} needs a determinate {(op == TemporalOperator.After ? "end" : "start")}.");
        return op is TemporalOperator.During or TemporalOperator.AnyInteracts
            ? OpenIntervals.Range(op, property, start, end)
            : new TemporalFilter(op, property, start, end);
    }
}
