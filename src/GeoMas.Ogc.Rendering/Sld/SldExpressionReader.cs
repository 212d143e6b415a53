using System.Xml.Linq;
using GeoMas.Ogc.Core.Features.Filtering;

namespace GeoMas.Ogc.Rendering.Sld;

/// <summary>Reads OGC filter expressions (PropertyName, Literal, Function, Add/Sub/Mul/Div) and SE mixed content.</summary>
internal sealed class SldExpressionReader(SldContext context)
{
    /// <summary>Functions the in-memory evaluator implements; anything else is refused when the style is loaded.</summary>
    private static readonly HashSet<string> KnownFunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        "Concatenate", "strConcat", "strToUpperCase", "strToLowerCase", "strTrim", "strLength",
    };

    public static bool IsExpression(XElement element) =>
        element.Name.LocalName is "PropertyName" or "ValueReference" or "Literal" or "Function" or "Add" or "Sub" or "Mul" or "Div";

    public Expression Read(XElement element) => element.Name.LocalName switch
    {
        "PropertyName" or "ValueReference" => ReadPropertyName(element),
        "Literal" => new Literal(element.Value),
        "Function" => ReadFunction(element),
        "Add" => ReadArithmetic(element, ArithmeticOperator.Add),
        "Sub" => ReadArithmetic(element, ArithmeticOperator.Subtract),
        "Mul" => ReadArithmetic(element, ArithmeticOperator.Multiply),
        "Div" => ReadArithmetic(element, ArithmeticOperator.Divide),
        _ => throw context.Error(element, $"<{element.Name.LocalName}> is not an expression."),
    };

    public PropertyName ReadPropertyName(XElement element)
    {
        var name = element.Value.Trim();
        if (name.Length == 0)
            throw context.Error(element, "Empty property name.");
        // Simple XPath steps "geomas:nom" or "nom" name the same attribute; we have no nested properties.
        var colon = name.LastIndexOf(':');
        return new PropertyName(colon >= 0 ? name[(colon + 1)..] : name);
    }

    /// <summary>
    /// SE ParameterValueType content (Label, Priority): text and expressions mixed, e.g.
    /// <c>&lt;Label&gt;N° &lt;ogc:PropertyName&gt;numero&lt;/ogc:PropertyName&gt;&lt;/Label&gt;</c>. Text between
    /// expressions is kept verbatim, except whitespace-only text containing a line break, which is indentation.
    /// Several parts become one Concatenate call.
    /// </summary>
    public Expression ReadMixed(XElement element)
    {
        var parts = new List<Expression>();
        foreach (var node in element.Nodes())
        {
            switch (node)
            {
                case XText text when string.IsNullOrWhiteSpace(text.Value) && text.Value.Contains('\n', StringComparison.Ordinal):
                    break;
                case XText text:
                    parts.Add(new Literal(text.Value));
                    break;
                case XElement child when IsExpression(child):
                    parts.Add(Read(child));
                    break;
                case XElement child:
                    throw context.Error(child, $"<{child.Name.LocalName}> is not allowed in <{element.Name.LocalName}>.");
            }
        }
        return parts.Count switch
        {
            0 => throw context.Error(element, $"<{element.Name.LocalName}> is empty."),
            1 => parts[0] is Literal { Value: string s } ? new Literal(s.Trim()) : parts[0],
            _ => new FunctionCall("Concatenate", parts),
        };
    }

    private FunctionCall ReadFunction(XElement element)
    {
        var name = element.Attribute("name")?.Value.Trim();
        if (string.IsNullOrEmpty(name))
            throw context.Error(element, "<Function> needs a name attribute.");
        if (!KnownFunctions.Contains(name))
            throw context.Error(element, $"Function '{name}' is not supported (supported: {string.Join(", ", KnownFunctions.Order(StringComparer.Ordinal))}).");
        return new FunctionCall(name, element.Elements().Select(Read).ToArray());
    }

    private Arithmetic ReadArithmetic(XElement element, ArithmeticOperator op)
    {
        var operands = element.Elements().ToArray();
        if (operands.Length != 2)
            throw context.Error(element, $"<{element.Name.LocalName}> needs two operands.");
        return new Arithmetic(op, Read(operands[0]), Read(operands[1]));
    }
}
