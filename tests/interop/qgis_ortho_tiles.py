#!/usr/bin/python3
"""Adds the GeoMas.Ogc `ortho` layer to headless QGIS as a desktop user would (WMTS through the capabilities document
in LAMB93 and in WebMercatorQuad, and as an XYZ tile layer), renders the same 150 m of ground with each at the
tile matrix's own resolution, and compares every image with GDAL's reading of the source COG on the same grid
(ortho_compare): not blank, the expected colours, and in the right place.

Usage: QT_QPA_PLATFORM=offscreen qgis_ortho_tiles.py BASE_URL OUT_PREFIX SOURCE_COG CENTRE_X CENTRE_Y
(the centre in EPSG:2154). Writes OUT_PREFIX-<case>.png; prints one JSON line {case: report}; exits non-zero when a
layer is invalid or a render fails (the caller judges the comparisons).
"""
import json
import sys

import numpy as np
from osgeo import osr
from qgis.core import (QgsApplication, QgsCoordinateReferenceSystem, QgsMapRendererParallelJob, QgsMapSettings,
                       QgsPointXY, QgsProject, QgsRasterLayer, QgsRectangle, QgsCoordinateTransform)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor, QImage

import ortho_compare

base, prefix, source = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3]
centre_x, centre_y = float(sys.argv[4]), float(sys.argv[5])
SIZE = 512
NUDGE = 0.1  # pixel
WEB_MERCATOR_Z19 = 0.29858214173896974  # metres per pixel of WebMercatorQuad level 19 (and of the XYZ tiles)
capabilities = f"{base}/wmts/1.0.0/WMTSCapabilities.xml"

# case: (provider URI, EPSG code, map units per pixel); resolutions are tile matrix resolutions so QGIS draws tiles
# one to one and any shift is the server's, not a client resampling's.
cases = {
    "wmts-LAMB93": (f"contextualWMSLegend=0&crs=EPSG:2154&dpiMode=7&format=image/jpeg&layers=ortho&styles=default"
                    f"&tileMatrixSet=LAMB93&url={capabilities}", 2154, 0.4),
    "wmts-WebMercatorQuad": (f"contextualWMSLegend=0&crs=EPSG:3857&dpiMode=7&format=image/jpeg&layers=ortho"
                             f"&styles=default&tileMatrixSet=WebMercatorQuad&url={capabilities}", 3857, WEB_MERCATOR_Z19),
    "xyz": (f"type=xyz&url={base}/tiles/ortho/{{z}}/{{x}}/{{y}}.jpg&zmin=0&zmax=19", 3857, WEB_MERCATOR_Z19),
}


def to_array(image):
    """RGB of a QImage as a (3, h, w) float array."""
    image = image.convertToFormat(QImage.Format_RGB32)
    raw = np.frombuffer(image.constBits().asstring(image.sizeInBytes()), dtype=np.uint8)
    bgra = raw.reshape(image.height(), image.bytesPerLine() // 4, 4)[:, :image.width(), :]
    return np.stack([bgra[:, :, 2], bgra[:, :, 1], bgra[:, :, 0]]).astype(np.float64)


app = QgsApplication([], False)
app.initQgis()
report = {}
try:
    lambert = QgsCoordinateReferenceSystem("EPSG:2154")
    for name, (uri, epsg, resolution) in cases.items():
        layer = QgsRasterLayer(uri, f"ortho-{name}", "wms")
        assert layer.isValid(), f"QGIS rejected ortho as {name}: {layer.error().summary()}"
        crs = QgsCoordinateReferenceSystem(f"EPSG:{epsg}")
        centre = QgsCoordinateTransform(lambert, crs, QgsProject.instance()).transform(QgsPointXY(centre_x, centre_y))
        # Snap the corner to the resolution so the map's pixels fall on the tiles' pixels, then move it up and left by
        # a tenth of a pixel: QGIS 3.22 floors tile positions to whole pixels, so on an exact tile edge floating-point
        # noise (x.0 - 1e-9) puts tiles one pixel off, a client rounding that would hide a real shift of that size.
        minx = (round((centre.x() - SIZE / 2 * resolution) / resolution) - NUDGE) * resolution
        maxy = (round((centre.y() + SIZE / 2 * resolution) / resolution) + NUDGE) * resolution
        settings = QgsMapSettings()
        settings.setLayers([layer])
        settings.setDestinationCrs(crs)
        settings.setOutputSize(QSize(SIZE, SIZE))
        settings.setExtent(QgsRectangle(minx, maxy - SIZE * resolution, minx + SIZE * resolution, maxy))
        settings.setBackgroundColor(QColor(255, 0, 255))  # magenta: any pixel left uncovered shows
        job = QgsMapRendererParallelJob(settings)
        job.start()
        job.waitForFinished()
        errors = [e.message for e in job.errors()]
        assert not errors, f"{name}: render errors: {errors}"
        image = job.renderedImage()
        image.save(f"{prefix}-{name}.png", "PNG")

        visible = settings.visibleExtent()
        upp = settings.mapUnitsPerPixel()
        geotransform = (visible.xMinimum(), upp, 0.0, visible.yMaximum(), 0.0, -upp)
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(epsg)
        pixels = to_array(image)
        magenta = int(((pixels[0] > 240) & (pixels[1] < 15) & (pixels[2] > 240)).sum())
        ref = ortho_compare.reference(source, srs.ExportToWkt(), geotransform, image.width(), image.height())
        case = {"epsg": epsg, "geotransform": list(geotransform), "magenta_pixels": magenta}
        case.update(ortho_compare.compare(pixels, ref))
        report[name] = case
finally:
    app.exitQgis()
print(json.dumps(report))
