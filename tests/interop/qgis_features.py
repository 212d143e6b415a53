#!/usr/bin/python3
"""Loads GeoMas.Ogc feature layers in headless QGIS, as a desktop user adds them (Layer > Add WFS / OGC API -
Features), and counts features.

Usage: QT_QPA_PLATFORM=offscreen qgis_features.py wfs|oapif BASE_URL
Prints a JSON report {"parcelles": n, "parcelles_distinct": n, "parcelles_fields": [...], "plu_zones": n, ...,
"parcelles_bbox": n}; exits non-zero when a layer is invalid. QGIS pages through the layer itself when it fetches
every feature: WFS 2.0 STARTINDEX/COUNT, or the OGC API items' next links.
"""
import json
import os
import sys

from qgis.core import QgsApplication, QgsFeatureRequest, QgsRectangle, QgsVectorLayer

provider, base = sys.argv[1], sys.argv[2].rstrip("/")


def layer_uri(name):
    if provider == "wfs":
        return f"url='{base}/wfs' typename='geomas:{name}' version='2.0.0' srsname='EPSG:2154' pagingEnabled='true' pageSize='1000'"
    return f"url='{base}/' typename='{name}' pageSize='1000'"


# A box around the demo ortho in the layer's CRS: Lambert-93 for WFS (srsname), CRS84 for OGC API (its default).
box = QgsRectangle(944000, 6388500, 945000, 6389500) if provider == "wfs" else QgsRectangle(6.073, 44.554, 6.085, 44.564)

app = QgsApplication([], False)
app.initQgis()
report = {}
try:
    for name in ("parcelles", "plu_zones"):
        layer = QgsVectorLayer(layer_uri(name), name, "WFS" if provider == "wfs" else "OAPIF")
        assert layer.isValid(), f"QGIS rejected {provider} layer {name}: {layer.error().summary()}"
        ids = set()
        count = 0
        for feature in layer.getFeatures():
            count += 1
            ids.add(feature.attribute("id"))
        report[name] = count
        report[name + "_distinct"] = len(ids)
        report[name + "_fields"] = [f.name() for f in layer.fields()]
        if name == "parcelles":
            report["parcelles_bbox"] = sum(1 for _ in layer.getFeatures(QgsFeatureRequest().setFilterRect(box)))
except AssertionError as e:
    print(e, file=sys.stderr, flush=True)
    os._exit(1)
# The report first, then leave without QGIS's teardown: the providers' download threads sometimes crash
# exitQgis() (exit 139) after all the work is done.
print(json.dumps(report), flush=True)
os._exit(0)
