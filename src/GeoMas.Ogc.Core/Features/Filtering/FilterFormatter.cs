using System.Globalization;
using System.Text;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace GeoMas.Ogc.Core.Features.Filtering;

/// <summary>
/// Writes a filter as one canonical line of text, for logs and for tests (the AST records hold lists, which do not
/// compare by value). The form is stable and unambiguous about literal types:
/// <c>AND(Equal(nom, 'Gap'), GreaterThan(population, 5000), Like[nocase](nom, 'g%'))</c>;
/// integers print bare (<c>5</c>), doubles always with a decimal point (<c>5.0</c>), texts quoted (<c>'5'</c>),
/// dates as <c>DATE('2020-01-01')</c>, instants as <c>TIMESTAMP('2020-01-01T00:00:00Z')</c>, property names bare
/// (double-quoted when they are not plain identifiers), geometries as WKT with their SRID.
/// </summary>
public static class FilterFormatter
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string ToText(Filter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var sb = new StringBuilder();
        Write(sb, filter);
        return sb.ToString();
    }

    public static string ToText(Expression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var sb = new StringBuilder();
        Write(sb, expression);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, Filter filter)
    {
        switch (filter)
        {
            case Constant c:
                sb.Append(c.Value ? "TRUE" : "FALSE");
                break;
            case And a:
                WriteList(sb, "AND", a.Operands);
                break;
            case Or o:
                WriteList(sb, "OR", o.Operands);
                break;
            case Not n:
                sb.Append("NOT(");
                Write(sb, n.Operand);
                sb.Append(')');
                break;
            case Comparison c:
                sb.Append(c.Operator.ToString()).Append(c.MatchCase ? "" : "[nocase]").Append('(');
                Write(sb, c.Left);
                sb.Append(", ");
                Write(sb, c.Right);
                sb.Append(')');
                break;
            case Like l:
                sb.Append(l.MatchCase ? "Like(" : "Like[nocase](");
                Write(sb, l.Value);
                sb.Append(", ");
                WriteString(sb, l.Pattern);
                if (l.WildCard != '%')
                    sb.Append(", wildCard=").Append(Quote(l.WildCard));
                if (l.SingleChar != '_')
                    sb.Append(", singleChar=").Append(Quote(l.SingleChar));
                if (l.Escape != '\\')
                    sb.Append(", escape=").Append(Quote(l.Escape));
                sb.Append(')');
                break;
            case IsNull n:
                sb.Append("IsNull(");
                Write(sb, n.Value);
                sb.Append(')');
                break;
            case Between b:
                sb.Append("Between(");
                Write(sb, b.Value);
                sb.Append(", ");
                Write(sb, b.Lower);
                sb.Append(", ");
                Write(sb, b.Upper);
                sb.Append(')');
                break;
            case In i:
                sb.Append("In(");
                Write(sb, i.Value);
                sb.Append(", [");
                for (var k = 0; k < i.List.Count; k++)
                {
                    if (k > 0)
                        sb.Append(", ");
                    Write(sb, i.List[k]);
                }
                sb.Append("])");
                break;
            case IdIn ids:
                sb.Append("Ids(");
                for (var k = 0; k < ids.Ids.Count; k++)
                {
                    if (k > 0)
                        sb.Append(", ");
                    WriteString(sb, ids.Ids[k]);
                }
                sb.Append(')');
                break;
            case SpatialFilter s:
                sb.Append(s.Operator.ToString()).Append('(');
                sb.Append(s.Property is null ? "<default>" : Name(s.Property));
                sb.Append(", ").Append(Wkt(s.Geometry)).Append(", srid=").Append(s.Srid.ToString(Inv));
                if (s.Distance is { } d)
                    sb.Append(", distance=").Append(Number(d));
                sb.Append(')');
                break;
            case TemporalFilter t:
                sb.Append(t.Operator.ToString()).Append('(').Append(Name(t.Property)).Append(", ")
                    .Append(Instant(t.Start)).Append(", ").Append(Instant(t.End)).Append(')');
                break;
            default:
                sb.Append('<').Append(filter.GetType().Name).Append('>');
                break;
        }
    }

    private static void WriteList(StringBuilder sb, string name, IReadOnlyList<Filter> operands)
    {
        sb.Append(name).Append('(');
        for (var k = 0; k < operands.Count; k++)
        {
            if (k > 0)
                sb.Append(", ");
            Write(sb, operands[k]);
        }
        sb.Append(')');
    }

    private static void Write(StringBuilder sb, Expression expression)
    {
        switch (expression)
        {
            case PropertyName p:
                sb.Append(Name(p.Name));
                break;
            case Literal l:
                WriteLiteral(sb, l.Value);
                break;
            case Arithmetic a:
                sb.Append('(');
                Write(sb, a.Left);
                sb.Append(a.Operator switch
                {
                    ArithmeticOperator.Add => " + ",
                    ArithmeticOperator.Subtract => " - ",
                    ArithmeticOperator.Multiply => " * ",
                    _ => " / ",
                });
                Write(sb, a.Right);
                sb.Append(')');
                break;
            case FunctionCall f:
                sb.Append(f.Name).Append('(');
                for (var k = 0; k < f.Arguments.Count; k++)
                {
                    if (k > 0)
                        sb.Append(", ");
                    Write(sb, f.Arguments[k]);
                }
                sb.Append(')');
                break;
            default:
                sb.Append('<').Append(expression.GetType().Name).Append('>');
                break;
        }
    }

    private static void WriteLiteral(StringBuilder sb, object? value)
    {
        switch (value)
        {
            case null or DBNull:
                sb.Append("NULL");
                break;
            case string s:
                WriteString(sb, s);
                break;
            case bool b:
                sb.Append(b ? "true" : "false");
                break;
            case int or long or short or byte:
                sb.Append(Convert.ToInt64(value, Inv).ToString(Inv));
                break;
            case double d:
                sb.Append(Number(d));
                break;
            case float f:
                sb.Append(Number(f));
                break;
            case decimal m:
                sb.Append(m.ToString(Inv)).Append('m');
                break;
            case DateOnly d:
                sb.Append("DATE('").Append(d.ToString("yyyy-MM-dd", Inv)).Append("')");
                break;
            case DateTimeOffset o:
                sb.Append("TIMESTAMP('").Append(Instant(o)).Append("')");
                break;
            case DateTime dt:
                sb.Append("TIMESTAMP('").Append(dt.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", Inv)).Append("')");
                break;
            case Geometry g:
                sb.Append(Wkt(g));
                break;
            default:
                sb.Append('<').Append(value.GetType().Name).Append(':').Append(Convert.ToString(value, Inv)).Append('>');
                break;
        }
    }

    private static void WriteString(StringBuilder sb, string s) => sb.Append('\'').Append(s.Replace("'", "''", StringComparison.Ordinal)).Append('\'');

    private static string Quote(char c) => c == '\'' ? "''''" : "'" + c + "'";

    /// <summary>Doubles always show a decimal point or an exponent, so 5.0 never reads as the integer 5.</summary>
    private static string Number(double d)
    {
        var text = d.ToString("R", Inv);
        return double.IsFinite(d) && text.IndexOfAny(['.', 'E', 'e']) < 0 ? text + ".0" : text;
    }

    private static string Instant(DateTimeOffset? value) => value is { } v
        ? v.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", Inv) + "Z"
        : "..";

    private static string Name(string name)
    {
        var plain = name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_')
            && name.All(c => char.IsLetterOrDigit(c) || c is '_' or ':' or '.' or '-')
            && !name.Equals("TRUE", StringComparison.OrdinalIgnoreCase)
            && !name.Equals("FALSE", StringComparison.OrdinalIgnoreCase)
            && !name.Equals("NULL", StringComparison.OrdinalIgnoreCase);
        return plain ? name : "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private static string Wkt(Geometry g) => new WKTWriter(2).Write(g);
}
