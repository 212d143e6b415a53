#!/usr/bin/python3
"""Compares a GeoTIFF that gdal_translate copied from the GeoMas `ortho` layer (WMTS, TMS/XYZ or WMS driver) with
GDAL's direct reading of the source COG on the same grid.

Usage: gdal_ortho_compare.py CLIENT_GEOTIFF SOURCE_COG [SEAM_X SEAM_Y]
Prints one JSON line: the client file's CRS (EPSG code), geotransform and size, and ortho_compare.compare's report;
with a seam point (in the client's CRS, where mosaic files meet), also the difference on the lines through it.
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
if len(sys.argv) > 4:
    gt = client.GetGeoTransform()
    column = round((float(sys.argv[3]) - gt[0]) / gt[1])
    row = round((float(sys.argv[4]) - gt[3]) / gt[5])
    report["seam_pixel"] = [column, row]
    report["seam_lines_mean_abs_diff"] = ortho_compare.seam_lines_diff(pixels, ref, column, row)
print(json.dumps(report))
