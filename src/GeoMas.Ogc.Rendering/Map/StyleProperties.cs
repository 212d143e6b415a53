using GeoMas.Ogc.Core.Features.Filtering;
using GeoMas.Ogc.Core.Styling;

namespace GeoMas.Ogc.Rendering.Map;

/// <summary>Collects the attribute names a set of rules reads (filters, labels, priorities), so a map query fetches only those.</summary>
internal sealed class StyleProperties
{
    private readonly List<string> _names = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Names => _names;

    public void Add(Rule rule)
    {
        if (rule.Filter is { } filter)
            Add(filter);
        foreach (var symbolizer in rule.Symbolizers)
        {
            if (symbolizer is TextSymbolizer text)
            {
                Add(text.Label);
                if (text.Priority is { } priority)
                    Add(priority);
            }
        }
    }

    public void Add(Filter filter)
    {
        switch (filter)
        {
            case Comparison c: Add(c.Left); Add(c.Right); break;
            case Like l: Add(l.Value); break;
            case IsNull n: Add(n.Value); break;
            case Between b: Add(b.Value); Add(b.Lower); Add(b.Upper); break;
            case In i: Add(i.Value); foreach (var e in i.List) Add(e); break;
            case And a: foreach (var o in a.Operands) Add(o); break;
            case Or o: foreach (var x in o.Operands) Add(x); break;
            case Not n: Add(n.Operand); break;
            case TemporalFilter t: AddName(t.Property); break;
                // Spatial filters read the geometry, which is always fetched; ids need no column either.
        }
    }

    public void Add(Expression expression)
    {
        switch (expression)
        {
            case PropertyName p: AddName(p.Name); break;
            case Arithmetic a: Add(a.Left); Add(a.Right); break;
            case FunctionCall f: foreach (var arg in f.Arguments) Add(arg); break;
        }
    }

    private void AddName(string name)
    {
        if (_seen.Add(name))
            _names.Add(name);
    }
}
