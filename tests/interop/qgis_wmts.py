#!/usr/bin/python3
"""Adds the GeoMas.Ogc WMTS layer `plan` to headless QGIS in LAMB93 and in WebMercatorQuad (as a desktop user
would, through the capabilities document), renders each in its own CRS, and checks the images are not blank.

Usage: QT_QPA_PLATFORM=offscreen qgis_wmts.py BASE_URL OUT_PREFIX
Writes OUT_PREFIX-LAMB93.png and OUT_PREFIX-WebMercatorQuad.png; prints a JSON report; exits non-zero on failure.
"""
import json
import sys

from qgis.core import (QgsApplication, QgsCoordinateReferenceSystem, QgsMapRendererParallelJob, QgsMapSettings,
                       QgsRasterLayer, QgsRectangle)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor

base, prefix = sys.argv[1].rstrip("/"), sys.argv[2]
app = QgsApplication([], False)
app.initQgis()
report = {}
try:
    # Gap centre, about 2 km wide, in each tile matrix set's CRS.
    views = {
        "LAMB93": ("EPSG:2154", QgsRectangle(943500, 6388300, 945500, 6390300)),
        "WebMercatorQuad": ("EPSG:3857", QgsRectangle(675700, 5545200, 678500, 5548000)),
    }
    for tms, (crs, extent) in views.items():
        uri = (f"contextualWMSLegend=0&crs={crs}&dpiMode=7&format=image/png&layers=plan&styles=default"
               f"&tileMatrixSet={tms}&url={base}/wmts/1.0.0/WMTSCapabilities.xml")
        layer = QgsRasterLayer(uri, f"plan-{tms}", "wms")
        assert layer.isValid(), f"QGIS rejected WMTS layer plan in {tms}: {layer.error().summary()}"
        settings = QgsMapSettings()
        settings.setLayers([layer])
        settings.setDestinationCrs(QgsCoordinateReferenceSystem(crs))
        settings.setExtent(extent)
        settings.setOutputSize(QSize(512, 512))
        settings.setBackgroundColor(QColor(255, 255, 255))
        job = QgsMapRendererParallelJob(settings)
        job.start()
        job.waitForFinished()
        image = job.renderedImage()
        out = f"{prefix}-{tms}.png"
        image.save(out, "PNG")
        errors = [e.message for e in job.errors()]
        assert not errors, f"{tms}: render errors: {errors}"
        colours = set()
        for x in range(0, 512, 8):
            for y in range(0, 512, 8):
                colours.add(image.pixel(x, y))
        assert len(colours) > 5, f"{tms}: rendered map looks blank ({len(colours)} colours)"
        report[tms] = {"crs": crs, "distinct_colours_sampled": len(colours), "image": out}
finally:
    app.exitQgis()
print(json.dumps(report))
