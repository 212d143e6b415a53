#!/usr/bin/python3
"""Adds the GeoMas.Ogc orthophoto WMS layer (JPEG) to headless QGIS, renders it in a given CRS, checks the image.

Usage: QT_QPA_PLATFORM=offscreen qgis_wms_ortho.py BASE_URL OUT_PNG EPSG_CODE
Prints a JSON report (sampled colours, mean RGB); exits non-zero when the layer is invalid or the map looks blank.
"""
import json
import sys

from qgis.core import (QgsApplication, QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsMapRendererParallelJob,
                       QgsMapSettings, QgsProject, QgsRasterLayer, QgsRectangle)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor

base, out, epsg = sys.argv[1].rstrip("/"), sys.argv[2], int(sys.argv[3])
app = QgsApplication([], False)
app.initQgis()
report = {}
try:
    crs = QgsCoordinateReferenceSystem(f"EPSG:{epsg}")
    uri = f"crs=EPSG:{epsg}&format=image/jpeg&layers=ortho&styles=&url={base}/wms"
    layer = QgsRasterLayer(uri, "ortho", "wms")
    assert layer.isValid(), f"QGIS rejected WMS layer ortho: {layer.error().summary()}"
    # The inner 600 m of the demo orthophoto, in the requested CRS.
    lambert = QgsCoordinateReferenceSystem("EPSG:2154")
    extent = QgsCoordinateTransform(lambert, crs, QgsProject.instance()).transformBoundingBox(
        QgsRectangle(944200, 6388900, 944800, 6389500))
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(crs)
    settings.setExtent(extent)
    settings.setOutputSize(QSize(512, 512))
    settings.setBackgroundColor(QColor(255, 0, 255))  # magenta: any uncovered pixel shows
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    image.save(out, "PNG")
    errors = [e.message for e in job.errors()]
    assert not errors, f"render errors: {errors}"
    colours, magenta, total = set(), 0, [0, 0, 0]
    samples = 0
    for x in range(4, 512, 8):
        for y in range(4, 512, 8):
            c = QColor(image.pixel(x, y))
            colours.add(image.pixel(x, y))
            magenta += c.red() > 240 and c.green() < 15 and c.blue() > 240
            total = [total[0] + c.red(), total[1] + c.green(), total[2] + c.blue()]
            samples += 1
    report = {"crs": epsg, "distinct_colours_sampled": len(colours), "magenta_samples": magenta,
              "mean_rgb": [t / samples for t in total], "image": out}
    assert len(colours) > 50, f"rendered orthophoto looks blank ({len(colours)} colours)"
    assert magenta == 0, f"{magenta} sampled pixels are not covered by the orthophoto"
finally:
    app.exitQgis()
print(json.dumps(report))
