using System.Xml.Linq;
using GeoMas.Ogc.Core.Styling;

namespace GeoMas.Ogc.Rendering.Sld;

/// <summary>Walks StyledLayerDescriptor → NamedLayer/UserLayer → UserStyle → FeatureTypeStyle → Rule.</summary>
internal sealed class StyleDocumentReader(SldContext context)
{
    private readonly SymbolizerReader _symbolizers = new(context);
    private readonly SldFilterReader _filters = new(context);

    public IReadOnlyList<Style> Read(XElement root)
    {
        if (root.Name.LocalName != "StyledLayerDescriptor")
            throw context.Error(root, $"Root element <{root.Name.LocalName}> is not an SLD <StyledLayerDescriptor>.");
        var styles = root.Elements()
            .Where(layer => layer.Name.LocalName is "NamedLayer" or "UserLayer")
            .SelectMany(layer => SldContext.Children(layer, "UserStyle"))
            .Select(ReadStyle)
            .ToArray();
        if (styles.Length == 0)
            throw context.Error(root, "The document holds no <UserStyle>.");
        return styles;
    }

    private Style ReadStyle(XElement element)
    {
        var name = context.ChildText(element, "Name");
        if (string.IsNullOrEmpty(name))
            throw context.Error(element, "<UserStyle> needs a <Name>.");
        var (title, @abstract) = ReadDescription(element);
        var featureTypeStyles = element.Elements()
            .Where(e => e.Name.LocalName is "FeatureTypeStyle" or "CoverageStyle")
            .Select(ReadFeatureTypeStyle)
            .ToArray();
        if (featureTypeStyles.Length == 0)
            throw context.Error(element, $"Style '{name}' has no <FeatureTypeStyle>.");
        return new Style(name, title ?? name, @abstract ?? "", featureTypeStyles)
        {
            IsDefault = SldContext.Child(element, "IsDefault") is { } isDefault && context.ParseBoolean(isDefault, isDefault.Value),
        };
    }

    /// <summary>SLD 1.0 has Title/Abstract as direct children, SE 1.1 wraps them in Description.</summary>
    private (string? Title, string? Abstract) ReadDescription(XElement element)
    {
        var source = SldContext.Child(element, "Description") ?? element;
        return (context.ChildText(source, "Title"), context.ChildText(source, "Abstract"));
    }

    private FeatureTypeStyle ReadFeatureTypeStyle(XElement element)
    {
        var rules = SldContext.Children(element, "Rule").Select(ReadRule).ToArray();
        if (rules.Length == 0)
            throw context.Error(element, $"<{element.Name.LocalName}> has no <Rule>.");
        return new FeatureTypeStyle(rules, context.ChildText(element, "Name"));
    }

    private Rule ReadRule(XElement element)
    {
        var (title, @abstract) = ReadDescription(element);
        var filter = SldContext.Child(element, "Filter");
        var elseFilter = SldContext.Child(element, "ElseFilter");
        if (filter is not null && elseFilter is not null)
            throw context.Error(elseFilter, "A rule has either a <Filter> or an <ElseFilter>, not both.");
        var min = context.ChildDouble(element, "MinScaleDenominator");
        var max = context.ChildDouble(element, "MaxScaleDenominator");
        if (min is { } lo && max is { } hi && lo >= hi)
            throw context.Error(element, $"MinScaleDenominator {lo} is not below MaxScaleDenominator {hi}.");
        return new Rule
        {
            Name = context.ChildText(element, "Name") ?? "",
            Title = title ?? "",
            Abstract = @abstract ?? "",
            Filter = filter is null ? null : _filters.ReadFilter(filter),
            IsElseFilter = elseFilter is not null,
            MinScaleDenominator = min,
            MaxScaleDenominator = max,
            Symbolizers = element.Elements().Where(SymbolizerReader.IsSymbolizer).Select(_symbolizers.Read).ToArray(),
        };
    }
}
