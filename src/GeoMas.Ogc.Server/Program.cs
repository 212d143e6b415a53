using GeoMas.Ogc.Server.Cli;

// geomas [serve|check] [--config <file>] [ASP.NET Core options such as --urls]
return await GeoMasCli.RunAsync(args);
