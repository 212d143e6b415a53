#!/usr/bin/python3
"""Loads GeoMas.Ogc OGC API - Features collections in headless QGIS (the OAPIF provider, as a desktop user adds
them from Layer > Add WFS / OGC API - Features) and counts features.

Usage: QT_QPA_PLATFORM=offscreen qgis_oapif.py BASE_URL
Prints a JSON report {"parcelles": n, "parcelles_distinct": n, "plu_zones": n, "parcelles_bbox": n}; exits non-zero
when a layer is invalid. QGIS walks the items' next links itself when it fetches every feature.
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
        uri = f"url='{base}/' typename='{name}' pageSize='1000'"
        layer = QgsVectorLayer(uri, name, "OAPIF")
        assert layer.isValid(), f"QGIS rejected OAPIF layer {name}: {layer.error().summary()}"
        ids = set()
        count = 0
        for feature in layer.getFeatures():
            count += 1
            ids.add(feature.attribute("id"))
        report[name] = count
        report[name + "_distinct"] = len(ids)
        if name == "parcelles":
            # The layer's CRS is CRS84 (the collection's default): a box around the demo ortho, in degrees.
            box = QgsRectangle(6.073, 44.554, 6.085, 44.564)
            report["parcelles_bbox"] = sum(1 for _ in layer.getFeatures(QgsFeatureRequest().setFilterRect(box)))
except AssertionError as e:
    print(e, file=sys.stderr, flush=True)
    os._exit(1)
# The report first, then leave without QGIS's teardown (its network threads sometimes crash exitQgis()).
print(json.dumps(report), flush=True)
os._exit(0)
