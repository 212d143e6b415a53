using System.Collections.Concurrent;
using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Core.Security;

namespace GeoMas.Ogc.Server.Security;

/// <summary>
/// The catalog as the current request's principal may see it (<see cref="CatalogViewBuilder"/>), so every protocol
/// gets authorisation by reading <see cref="ICatalogProvider.Current"/> as it always did. Views are cached per
/// (base snapshot, rule generation, principal's rule fingerprint): the same object for every caller with the same
/// rules, so per-snapshot caches (capabilities) keep working and stay separate per scope. Background work, with no
/// request principal, sees the whole catalog.
/// </summary>
public sealed class ScopedCatalogProvider(ICatalogProvider inner, SecurityStore store, CatalogViewBuilder builder) : ICatalogProvider
{
    private sealed record Generation(CatalogSnapshot Snapshot, AccessRuleSet Rules, ConcurrentDictionary<string, CatalogSnapshot> Views);

    private Generation? _generation;

    public CatalogSnapshot Current
    {
        get
        {
            var snapshot = inner.Current;
            if (AccessContext.Current is not { } principal)
                return snapshot;
            var rules = store.Current.Rules;
            if (rules.IsOpen)
                return snapshot;
            var generation = _generation;
            if (generation is null || !ReferenceEquals(generation.Snapshot, snapshot) || !ReferenceEquals(generation.Rules, rules))
            {
                generation = new Generation(snapshot, rules, new ConcurrentDictionary<string, CatalogSnapshot>(StringComparer.Ordinal));
                _generation = generation;
            }
            return generation.Views.GetOrAdd(rules.Fingerprint(principal), _ => builder.Build(snapshot, rules, principal));
        }
    }
}
