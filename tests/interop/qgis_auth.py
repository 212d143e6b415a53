#!/usr/bin/python3
"""Headless QGIS against a secured GeoMas.Ogc: a Basic-auth user (QgsAuthManager 'Basic' config in a throwaway
auth database with a master password) and an API key (the `apikey` query parameter: QGIS 3.22 has no APIHeader
auth method), each on WMS, WFS and OGC API Features layers, and the same layers without credentials.

Usage: QT_QPA_PLATFORM=offscreen qgis_auth.py BASE_URL USER PASSWORD APIKEY
Prints one JSON report; a layer QGIS rejects is reported as valid=false (that is the expected answer without
credentials; QGIS 3.22 accepts a WMS layer that the capabilities do not list, and then draws nothing), so the
script itself only fails on a broken QGIS setup.
"""
import json
import os
import sys
import tempfile

base, user, password, apikey = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3], sys.argv[4]
profile = tempfile.mkdtemp(prefix="geomas-qgis-auth-")
os.environ["QGIS_AUTH_DB_DIR_PATH"] = profile  # read when the auth manager starts: never the user's own auth db

from qgis.core import (QgsApplication, QgsAuthMethodConfig, QgsMapRendererSequentialJob, QgsMapSettings,  # noqa: E402
                       QgsRasterLayer, QgsRectangle, QgsVectorLayer, QgsCoordinateReferenceSystem)
from qgis.PyQt.QtCore import QSize  # noqa: E402
from qgis.PyQt.QtGui import QColor  # noqa: E402

app = QgsApplication([], False, profile)
app.initQgis()
auth = QgsApplication.authManager()
assert auth.setMasterPassword("geomas-test-master", True), "cannot set the auth database's master password"
config = QgsAuthMethodConfig()
config.setMethod("Basic")
config.setName("geomas agent")
config.setConfig("username", user)
config.setConfig("password", password)
assert auth.storeAuthenticationConfig(config)[0], "cannot store the Basic auth config"
authcfg = config.id()

# Lambert-93 boxes of 800 m: one in Pelleautier (the agent's territory), one in Gap (outside it).
boxes = {"inside": QgsRectangle(937397.9, 6382595.0, 938197.9, 6383395.0),
         "outside": QgsRectangle(942582.0, 6390577.0, 943382.0, 6391377.0)}


def painted(layer, box):
    """Pixels with any alpha in a 256 px transparent render of the layer over the box."""
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:2154"))
    settings.setExtent(box)
    settings.setOutputSize(QSize(256, 256))
    settings.setBackgroundColor(QColor(0, 0, 0, 0))
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    return sum(1 for y in range(0, 256, 2) for x in range(0, 256, 2) if image.pixelColor(x, y).alpha() > 0)


def wms(name, url, auth_id=None):
    # IgnoreGetMapUrl: QGIS would otherwise send GetMap to the capabilities' OnlineResource, which has no apikey.
    uri = f"crs=EPSG:2154&format=image/png&layers={name}&styles=&IgnoreGetMapUrl=1&url={url}" + (f"&authcfg={auth_id}" if auth_id else "")
    layer = QgsRasterLayer(uri, name, "wms")
    result = {"valid": layer.isValid()}
    if layer.isValid():
        result.update({k: painted(layer, b) for k, b in boxes.items()})
    return result


def features(provider, uri, name):
    layer = QgsVectorLayer(uri, name, provider)
    result = {"valid": layer.isValid()}
    if layer.isValid():
        ids = [f.attribute("id") for f in layer.getFeatures()]
        result.update({"count": len(ids), "distinct": len(set(ids)), "fields": [f.name() for f in layer.fields()]})
    return result


def wfs(name, url, auth_id=None):
    uri = f"url='{url}' typename='geomas:{name}' version='2.0.0' srsname='EPSG:2154' pagingEnabled='true' pageSize='1000'"
    return features("WFS", uri + (f" authcfg='{auth_id}'" if auth_id else ""), name)


def oapif(name, auth_id=None):
    uri = f"url='{base}/' typename='{name}' pageSize='1000'"
    return features("OAPIF", uri + (f" authcfg='{auth_id}'" if auth_id else ""), name)


keyed = f"?apikey={apikey}"
report = {
    "basic": {"wms_parcelles": wms("parcelles", base + "/wms", authcfg),
              "wfs_parcelles": wfs("parcelles", base + "/wfs", authcfg),
              "oapif_parcelles": oapif("parcelles", authcfg),
              "oapif_plu_zones": oapif("plu_zones", authcfg)},
    "key": {"wms_plu_zones": wms("plu_zones", base + "/wms" + keyed),
            "wfs_plu_zones": wfs("plu_zones", base + "/wfs" + keyed),
            "wms_parcelles": wms("parcelles", base + "/wms" + keyed)},
    "anonymous": {"wms_parcelles": wms("parcelles", base + "/wms"),
                  "wms_communes": wms("communes", base + "/wms"),
                  "wfs_parcelles": wfs("parcelles", base + "/wfs"),
                  "oapif_parcelles": oapif("parcelles"),
                  "wms_plu_zones": wms("plu_zones", base + "/wms")},
}
# The report first, then leave without QGIS's teardown (its network threads sometimes crash exitQgis()).
print(json.dumps(report), flush=True)
os._exit(0)
