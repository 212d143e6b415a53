using GeoMas.Ogc.Core.Catalog;
using GeoMas.Ogc.Server.Security;
using Microsoft.AspNetCore.Http;

namespace GeoMas.Ogc.Server.Protection;

/// <summary>
/// Audits a request that names a layer which exists but is hidden from its caller: the protocols answer it as an
/// unknown layer (so its existence is not revealed), which the audit log must still record as a denial. Runs after
/// <see cref="SecurityMiddleware"/>; does nothing when no access rule exists.
/// </summary>
public sealed class HiddenLayerAuditMiddleware(RequestDelegate next, SecurityStore security, ICatalogProvider catalog, AuditLog audit)
{
    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!security.Current.Rules.IsOpen && AccessContext.Current is { } principal)
        {
            var view = catalog.Current;
            CatalogSnapshot whole;
            // The scoped provider shows the whole catalog to work without a principal (seeding, CLI).
            AccessContext.Current = null;
            try
            {
                whole = catalog.Current;
            }
            finally
            {
                AccessContext.Current = principal;
            }
            if (!ReferenceEquals(view, whole))
            {
                foreach (var name in RequestedLayers.Of(context.Request).Distinct(StringComparer.Ordinal))
                {
                    if (view.FindLayer(name) is null && whole.FindLayer(name) is not null)
                        audit.Denied(context, null, "layer not visible to this principal", name);
                }
            }
        }
        return next(context);
    }
}
