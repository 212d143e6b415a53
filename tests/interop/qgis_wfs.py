#!/usr/bin/python3
"""Loads GeoMas.Ogc WFS layers in headless QGIS (the WFS provider, as a desktop user adds them) and counts features.

Usage: QT_QPA_PLATFORM=offscreen qgis_wfs.py BASE_URL
Prints a JSON report {"parcelles": n, "plu_zones": n, "parcelles_bbox": n, "version": "..."}; exits non-zero when a
layer is invalid. QGIS pages through the layer itself (WFS 2.0 STARTINDEX/COUNT) when it fetches every feature.
"""
import json
import os
import sys

from qgis.core import QgsApplication, QgsFeatureRequest, QgsRectangle, QgsVectorLayer

base = sys.argv[1].rstrip("/")
app = QgsApplication([], False)
app.initQgis()
report = {}
try:
    for name in ("parcelles", "plu_zones"):
        uri = f"url='{base}/wfs' typename='geomas:{name}' version='2.0.0' srsname='EPSG:2154' pagingEnabled='true' pageSize='1000'"
        layer = QgsVectorLayer(uri, name, "WFS")
        assert layer.isValid(), f"QGIS rejected WFS layer {name}: {layer.error().summary()}"
        ids = set()
        count = 0
        for feature in layer.getFeatures():
            count += 1
            ids.add(feature.attribute("id"))
        report[name] = count
        report[name + "_distinct"] = len(ids)
        report[name + "_fields"] = [f.name() for f in layer.fields()]
        if name == "parcelles":
            box = QgsRectangle(944000, 6388500, 945000, 6389500)
            report["parcelles_bbox"] = sum(1 for _ in layer.getFeatures(QgsFeatureRequest().setFilterRect(box)))
except AssertionError as e:
    print(e, file=sys.stderr, flush=True)
    os._exit(1)
# The report first, then leave without QGIS's teardown: the WFS provider's download threads sometimes crash
# exitQgis() (exit 139) after all the work is done.
print(json.dumps(report), flush=True)
os._exit(0)
