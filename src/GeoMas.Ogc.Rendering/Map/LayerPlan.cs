using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Features;
using GeoMas.Ogc.Core.Features.Filtering;
using GeoMas.Ogc.Core.Styling;
using GeoMas.Ogc.Rendering.Symbolizers;
using Microsoft.Extensions.Logging;

namespace GeoMas.Ogc.Rendering.Map;

/// <summary>
/// One layer's style prepared for one scale: the FeatureTypeStyles and rules that apply, their filters compiled,
/// their painters looked up, the attribute names to fetch and how far symbols reach beyond geometries.
/// </summary>
internal sealed class LayerPlan
{
    private LayerPlan(IReadOnlyList<PassPlan> passes, IReadOnlyList<string> properties, double reachPixels,
        Filter? queryFilter, IReadOnlyDictionary<TextSymbolizer, CompiledText> textFunctions)
    {
        Passes = passes;
        Properties = properties;
        ReachPixels = reachPixels;
        QueryFilter = queryFilter;
        TextFunctions = textFunctions;
    }

    /// <summary>FeatureTypeStyles with at least one rule at this scale, in drawing order.</summary>
    public IReadOnlyList<PassPlan> Passes { get; }
    public IReadOnlyList<string> Properties { get; }
    public double ReachPixels { get; }

    /// <summary>
    /// When every applicable rule has a filter (and none is an else-rule), features matching none of them would be
    /// fetched for nothing: their OR goes to the source, which can use indexes.
    /// </summary>
    public Filter? QueryFilter { get; }
    public IReadOnlyDictionary<TextSymbolizer, CompiledText> TextFunctions { get; }

    /// <returns>null when no rule applies at <paramref name="scale"/> (the layer is not queried at all).</returns>
    public static LayerPlan? Create(LayerDefinition layer, Style style, double scale, RenderContext context, SymbolizerPainters painters, ILogger logger,
        SymbolizerSelection selection = SymbolizerSelection.All)
    {
        var activeFts = new List<List<Rule>>();
        var collected = new StyleProperties();
        foreach (var fts in style.FeatureTypeStyles)
        {
            var rules = new List<Rule>();
            foreach (var rule in fts.Rules)
            {
                if (rule.AppliesAtScale(scale) && rule.Symbolizers.Any(s => Selected(s, selection)))
                {
                    rules.Add(rule);
                    collected.Add(rule);
                }
            }
            if (rules.Count > 0)
                activeFts.Add(rules);
        }
        if (activeFts.Count == 0)
            return null;

        // Only published attributes can be asked of a source; a rule naming another one cannot match.
        var properties = new List<string>();
        foreach (var name in collected.Names)
        {
            if (layer.FindAttribute(name) is not null)
                properties.Add(name);
            else
                logger.LogWarning("Style {Style} of layer {Layer} reads unknown attribute {Attribute}", style.Name, layer.Id, name);
        }

        var textFunctions = new Dictionary<TextSymbolizer, CompiledText>(ReferenceEqualityComparer.Instance);
        var passes = new List<PassPlan>();
        double reach = 0;
        // A filter naming an unpublished attribute must not reach the source (it would reject the query).
        var pushDown = properties.Count == collected.Names.Count;
        var filters = new List<Filter>();
        foreach (var rules in activeFts)
        {
            var regular = new List<RulePlan>();
            var elses = new List<RulePlan>();
            foreach (var rule in rules)
            {
                var steps = new List<(ISymbolizerPainter, Symbolizer)>();
                foreach (var symbolizer in rule.Symbolizers)
                {
                    if (!Selected(symbolizer, selection) || painters.For(symbolizer) is not { } painter)
                        continue;
                    if (symbolizer is TextSymbolizer text && !textFunctions.ContainsKey(text))
                    {
                        if (CompileText(text, properties, layer, logger) is not { } compiledText)
                            continue;
                        textFunctions.Add(text, compiledText);
                    }
                    steps.Add((painter, symbolizer));
                    reach = Math.Max(reach, painter.Reach(context, symbolizer));
                }
                if (steps.Count == 0)
                    continue;
                var plan = new RulePlan(CompileFilter(rule, properties, layer, logger), [.. steps]);
                if (rule.IsElseFilter)
                {
                    elses.Add(plan);
                    pushDown = false;
                }
                else
                {
                    regular.Add(plan);
                    if (rule.Filter is { } f)
                        filters.Add(f);
                    else
                        pushDown = false;
                }
            }
            if (regular.Count + elses.Count > 0)
                passes.Add(new PassPlan([.. regular], [.. elses]));
        }
        if (passes.Count == 0)
            return null;

        Filter? queryFilter = pushDown && filters.Count > 0 ? (filters.Count == 1 ? filters[0] : new Or(filters.Distinct().ToArray())) : null;
        return new LayerPlan(passes, properties, reach, queryFilter, textFunctions);
    }

    private static bool Selected(Symbolizer symbolizer, SymbolizerSelection selection) => selection switch
    {
        SymbolizerSelection.WithoutText => symbolizer is not TextSymbolizer,
        SymbolizerSelection.TextOnly => symbolizer is TextSymbolizer,
        _ => true,
    };

    private static Func<Feature, bool>? CompileFilter(Rule rule, IReadOnlyList<string> properties, LayerDefinition layer, ILogger logger)
    {
        if (rule.Filter is not { } filter)
            return null;
        try
        {
            return FilterEvaluator.Compile(filter, properties);
        }
        catch (ArgumentException ex)
        {
            logger.LogWarning(ex, "Rule {Rule} of layer {Layer} has a filter that cannot be evaluated; it matches nothing", rule.Name, layer.Id);
            return static _ => false;
        }
    }

    private static CompiledText? CompileText(TextSymbolizer text, IReadOnlyList<string> properties, LayerDefinition layer, ILogger logger)
    {
        try
        {
            var label = FilterEvaluator.CompileLabel(text.Label, properties);
            var priority = text.Priority is { } p ? FilterEvaluator.Compile(p, properties) : null;
            return new CompiledText(label, priority);
        }
        catch (ArgumentException ex)
        {
            logger.LogWarning(ex, "A label of layer {Layer} cannot be evaluated; it is not drawn", layer.Id);
            return null;
        }
    }
}

/// <summary>One FeatureTypeStyle: regular rules, and else-rules drawn when no regular rule matched.</summary>
internal sealed record PassPlan(RulePlan[] Rules, RulePlan[] ElseRules)
{
    /// <summary>
    /// Per symbolizer of the pass (regular rules, then else-rules, in order): the opacity of its layer, or null when
    /// no symbolizer is a semi-transparent stroke and the pass draws feature by feature straight onto its canvas.
    /// </summary>
    public float[]? LayerOpacities { get; } = Opacities(Rules, ElseRules);

    /// <param name="layers">Where each symbolizer draws when <see cref="LayerOpacities"/> is set.</param>
    public void Paint(RenderContext context, DrawableFeature feature, SymbolizerLayers? layers = null)
    {
        var matched = false;
        var step = 0;
        foreach (var rule in Rules)
        {
            if (rule.Filter is null || rule.Filter(feature.Feature))
            {
                matched = true;
                rule.Paint(context, feature, layers, step);
            }
            step += rule.Steps.Length;
        }
        if (!matched)
        {
            foreach (var rule in ElseRules)
            {
                rule.Paint(context, feature, layers, step);
                step += rule.Steps.Length;
            }
        }
    }

    private static float[]? Opacities(RulePlan[] rules, RulePlan[] elseRules)
    {
        var opacities = rules.Concat(elseRules).SelectMany(r => r.Steps).Select(s => StrokePainter.LayerOpacity(s.Symbolizer)).ToArray();
        return opacities.Any(o => o < 1) ? opacities : null;
    }
}

internal sealed record RulePlan(Func<Feature, bool>? Filter, (ISymbolizerPainter Painter, Symbolizer Symbolizer)[] Steps)
{
    public void Paint(RenderContext context, DrawableFeature feature, SymbolizerLayers? layers, int firstStep)
    {
        if (layers is null)
        {
            foreach (var (painter, symbolizer) in Steps)
                painter.Paint(context, symbolizer, feature);
            return;
        }
        var canvas = context.Canvas;
        try
        {
            for (var i = 0; i < Steps.Length; i++)
            {
                context.Canvas = layers.CanvasFor(firstStep + i);
                context.OpaqueStrokes = layers.IsTranslucent(firstStep + i);
                Steps[i].Painter.Paint(context, Steps[i].Symbolizer, feature);
            }
        }
        finally
        {
            context.Canvas = canvas;
            context.OpaqueStrokes = false;
        }
    }
}
