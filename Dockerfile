# GeoMas.Ogc — multi-stage image. Build: docker build -t geomas-ogc .   Run: docker run -p 5000:5000 geomas-ogc
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props GeoMas.Ogc.sln ./
COPY src/ src/
RUN dotnet publish src/GeoMas.Ogc.Server/GeoMas.Ogc.Server.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# Fonts for map labels; the system libjpeg-turbo (SIMD) for JPEG maps and tiles, used when present. SkiaSharp's
# NoDependencies native assets need no other system library.
RUN apt-get update && apt-get install -y --no-install-recommends fonts-dejavu-core libturbojpeg0 && rm -rf /var/lib/apt/lists/*
WORKDIR /srv/geomas
COPY --from=build /app ./app
COPY config/ ./config/
COPY styles/ ./styles/
RUN mkdir -p tilecache && chown -R app:app tilecache
USER app
ENV ASPNETCORE_URLS=http://+:5000
EXPOSE 5000
ENTRYPOINT ["dotnet", "app/geomas.dll"]
CMD ["serve", "--config", "config/geomas.json"]
