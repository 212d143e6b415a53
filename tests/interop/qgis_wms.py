#!/usr/bin/python3
"""Adds GeoMas.Ogc WMS layers to headless QGIS (as a desktop user would), renders them, checks the image.

Usage: QT_QPA_PLATFORM=offscreen qgis_wms.py BASE_URL OUT_PNG
Prints a JSON report; exits non-zero when a layer is invalid or the rendered map is blank.
"""
import json
import sys

from qgis.core import (QgsApplication, QgsCoordinateReferenceSystem, QgsMapRendererParallelJob, QgsMapSettings,
                       QgsRasterLayer, QgsRectangle)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor

base, out = sys.argv[1].rstrip("/"), sys.argv[2]
app = QgsApplication([], False)
app.initQgis()
report = {}
try:
    layers = []
    for name in ("plu_zones", "parcelles", "routes", "communes"):
        uri = f"crs=EPSG:2154&format=image/png&layers={name}&styles=&url={base}/wms"
        layer = QgsRasterLayer(uri, name, "wms")
        assert layer.isValid(), f"QGIS rejected WMS layer {name}: {layer.error().summary()}"
        layers.append(layer)
    settings = QgsMapSettings()
    settings.setLayers(list(reversed(layers)))  # QGIS draws the first layer on top
    settings.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:2154"))
    settings.setExtent(QgsRectangle(943500, 6388200, 945500, 6390200))
    settings.setOutputSize(QSize(600, 600))
    settings.setBackgroundColor(QColor(255, 255, 255))
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    image.save(out, "PNG")
    errors = [e.message for e in job.errors()]
    assert not errors, f"render errors: {errors}"
    colours = set()
    for x in range(0, 600, 10):
        for y in range(0, 600, 10):
            colours.add(image.pixel(x, y))
    report = {"layers": [l.name() for l in layers], "distinct_colours_sampled": len(colours), "image": out}
    assert len(colours) > 5, f"rendered map looks blank ({len(colours)} colours)"
finally:
    app.exitQgis()
print(json.dumps(report))
