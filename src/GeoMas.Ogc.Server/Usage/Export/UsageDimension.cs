namespace GeoMas.Ogc.Server.Usage.Export;

/// <summary>What an export can group by (<c>groupBy=partner,layer,protocol,day</c>); the columns keep this order.</summary>
public enum UsageDimension { Day, Partner, Principal, Layer, Protocol, Application }
