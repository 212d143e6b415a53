#!/usr/bin/python3
"""Compares a GeoTIFF that gdal_translate copied from the GeoMas `ortho` layer (WMTS, TMS/XYZ or WMS driver) with
GDAL's direct reading of the source COG on the same grid.

Usage: gdal_ortho_compare.py CLIENT_GEOTIFF SOURCE_COG
Prints one JSON line: the client file's CRS (EPSG code), geotransform and size, and ortho_compare.compare's report.
"""
import json
import sys

from osgeo import gdal, osr

import ortho_compare

client_path, source = sys.argv[1], sys.argv[2]
client = gdal.Open(client_path)
srs = osr.SpatialReference(wkt=client.GetProjection())
srs.AutoIdentifyEPSG()
pixels = client.ReadAsArray()[:3].astype("float64")
ref = ortho_compare.reference(source, client.GetProjection(), client.GetGeoTransform(), client.RasterXSize,
                              client.RasterYSize)
report = {"epsg": srs.GetAuthorityCode(None), "geotransform": list(client.GetGeoTransform()),
          "bands": client.RasterCount}
report.update(ortho_compare.compare(pixels, ref))
print(json.dumps(report))
