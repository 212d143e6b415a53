using System.Xml.Linq;
using GeoMas.Ogc.Core.Features.Filtering;

namespace GeoMas.Ogc.Rendering.Sld;

/// <summary>
/// Reads OGC Filter Encoding 1.0 / 1.1 (the <c>ogc:Filter</c> of SLD 1.0 and SE 1.1 rules) into the filter AST.
/// Unknown operators are errors: silently dropping a rule's filter would draw every feature with that rule.
/// </summary>
internal sealed class SldFilterReader(SldContext context)
{
    private readonly SldExpressionReader _expressions = new(context);
    private readonly GmlGeometryReader _gml = new(context);

    /// <summary>Reads an <c>ogc:Filter</c> element.</summary>
    public Filter ReadFilter(XElement filterElement)
    {
        var children = filterElement.Elements().ToArray();
        if (children.Length == 0)
            throw context.Error(filterElement, "Empty <Filter>.");
        // FES 1.x: a filter is either one operator or a list of FeatureId/GmlObjectId elements.
        if (children.All(c => c.Name.LocalName is "FeatureId" or "GmlObjectId"))
            return new IdIn(children.Select(ReadId).ToArray());
        if (children.Length != 1)
            throw context.Error(children[1], "A <Filter> holds exactly one operator; combine them with <And>/<Or>.");
        return ReadOperator(children[0]);
    }

    private string ReadId(XElement element)
    {
        var id = element.Name.LocalName == "FeatureId"
            ? element.Attribute("fid")?.Value
            : element.Attributes().FirstOrDefault(a => a.Name.LocalName == "id")?.Value;
        return string.IsNullOrWhiteSpace(id) ? throw context.Error(element, $"<{element.Name.LocalName}> without id.") : id.Trim();
    }

    private Filter ReadOperator(XElement element)
    {
        var name = element.Name.LocalName;
        return name switch
        {
            "PropertyIsEqualTo" => ReadComparison(element, ComparisonOperator.Equal),
            "PropertyIsNotEqualTo" => ReadComparison(element, ComparisonOperator.NotEqual),
            "PropertyIsLessThan" => ReadComparison(element, ComparisonOperator.LessThan),
            "PropertyIsLessThanOrEqualTo" => ReadComparison(element, ComparisonOperator.LessThanOrEqual),
            "PropertyIsGreaterThan" => ReadComparison(element, ComparisonOperator.GreaterThan),
            "PropertyIsGreaterThanOrEqualTo" => ReadComparison(element, ComparisonOperator.GreaterThanOrEqual),
            "PropertyIsLike" => ReadLike(element),
            "PropertyIsNull" => new IsNull(ReadOperands(element, 1)[0]),
            "PropertyIsBetween" => ReadBetween(element),
            "And" => new And(ReadOperands(element)),
            "Or" => new Or(ReadOperands(element)),
            "Not" => new Not(ReadSingleOperand(element)),
            "FeatureId" or "GmlObjectId" => new IdIn([ReadId(element)]),
            "BBOX" => ReadSpatial(element, SpatialOperator.BBox),
            "Intersects" => ReadSpatial(element, SpatialOperator.Intersects),
            "Within" => ReadSpatial(element, SpatialOperator.Within),
            "Contains" => ReadSpatial(element, SpatialOperator.Contains),
            "Disjoint" => ReadSpatial(element, SpatialOperator.Disjoint),
            "Touches" => ReadSpatial(element, SpatialOperator.Touches),
            "Crosses" => ReadSpatial(element, SpatialOperator.Crosses),
            "Overlaps" => ReadSpatial(element, SpatialOperator.Overlaps),
            "Equals" => ReadSpatial(element, SpatialOperator.Equals),
            "DWithin" => ReadSpatial(element, SpatialOperator.DWithin),
            "Beyond" => ReadSpatial(element, SpatialOperator.Beyond),
            _ => throw context.Error(element, $"Filter operator <{name}> is not supported."),
        };
    }

    private Comparison ReadComparison(XElement element, ComparisonOperator op)
    {
        var operands = ReadOperands(element, 2);
        return new Comparison(op, operands[0], operands[1], MatchCase(element));
    }

    /// <summary>FES: matchCase defaults to true.</summary>
    private bool MatchCase(XElement element) =>
        element.Attribute("matchCase") is not { } attr || context.ParseBoolean(attr, attr.Value);

    private Like ReadLike(XElement element)
    {
        var value = _expressions.Read(ElementChildren(element, 2)[0]);
        var patternElement = ElementChildren(element, 2)[1];
        if (patternElement.Name.LocalName != "Literal")
            throw context.Error(patternElement, "The pattern of <PropertyIsLike> must be a <Literal>.");
        return new Like(
            value,
            patternElement.Value,
            SingleChar(element, "wildCard", '*'),
            SingleChar(element, "singleChar", '?'),
            // FES 1.0 spells it "escape", FES 1.1 "escapeChar".
            element.Attribute("escapeChar") is not null ? SingleChar(element, "escapeChar", '\\') : SingleChar(element, "escape", '\\'),
            MatchCase(element));
    }

    private char SingleChar(XElement element, string attribute, char fallback)
    {
        if (element.Attribute(attribute) is not { } attr)
            return fallback;
        return attr.Value.Length == 1 ? attr.Value[0] : throw context.Error(element, $"{attribute} must be a single character, not '{attr.Value}'.");
    }

    private Between ReadBetween(XElement element)
    {
        var children = element.Elements().ToArray();
        var lower = children.FirstOrDefault(c => c.Name.LocalName == "LowerBoundary");
        var upper = children.FirstOrDefault(c => c.Name.LocalName == "UpperBoundary");
        var value = children.FirstOrDefault(SldExpressionReader.IsExpression);
        if (value is null || lower is null || upper is null)
            throw context.Error(element, "<PropertyIsBetween> needs an expression, <LowerBoundary> and <UpperBoundary>.");
        return new Between(_expressions.Read(value), Boundary(lower), Boundary(upper));
    }

    private Expression Boundary(XElement boundary) =>
        boundary.Elements().FirstOrDefault(SldExpressionReader.IsExpression) is { } e
            ? _expressions.Read(e)
            : throw context.Error(boundary, $"<{boundary.Name.LocalName}> needs an expression.");

    private Filter ReadSingleOperand(XElement element)
    {
        var operands = ReadOperands(element);
        return operands.Length == 1 ? operands[0] : throw context.Error(element, "<Not> takes exactly one operator.");
    }

    private Filter[] ReadOperands(XElement element)
    {
        var operands = element.Elements().Select(ReadOperator).ToArray();
        return operands.Length > 0 ? operands : throw context.Error(element, $"<{element.Name.LocalName}> needs operands.");
    }

    private Expression[] ReadOperands(XElement element, int count) =>
        ElementChildren(element, count).Select(_expressions.Read).ToArray();

    private XElement[] ElementChildren(XElement element, int count)
    {
        var children = element.Elements().ToArray();
        return children.Length == count
            ? children
            : throw context.Error(element, $"<{element.Name.LocalName}> needs {count} operand(s), found {children.Length}.");
    }

    private SpatialFilter ReadSpatial(XElement element, SpatialOperator op)
    {
        string? property = null;
        XElement? geometryElement = null;
        double? distance = null;
        foreach (var child in element.Elements())
        {
            switch (child.Name.LocalName)
            {
                case "PropertyName" or "ValueReference":
                    property = _expressions.ReadPropertyName(child).Name;
                    break;
                case "Distance":
                    distance = context.ParseDouble(child, child.Value.Trim());
                    break;
                case "Literal" when child.Elements().FirstOrDefault() is { } inner:
                    geometryElement = inner;
                    break;
                default:
                    geometryElement = child;
                    break;
            }
        }
        if (geometryElement is null)
            throw context.Error(element, $"<{element.Name.LocalName}> needs a GML geometry.");
        if (op is SpatialOperator.DWithin or SpatialOperator.Beyond && distance is null)
            throw context.Error(element, $"<{element.Name.LocalName}> needs a <Distance>.");
        var (geometry, srid) = _gml.Read(geometryElement);
        return new SpatialFilter(op, property, geometry, srid, distance);
    }
}
