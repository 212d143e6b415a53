#!/usr/bin/python3
"""Drives OWSLib's WebMapService (1.1.1 and 1.3.0) against a running GeoMas.Ogc.

Usage: owslib_wms.py BASE_URL   (e.g. http://127.0.0.1:5000)
Prints one JSON object with what it saw; exits non-zero on the first failure.
"""
import io
import json
import sys

from owslib.wms import WebMapService

base = sys.argv[1].rstrip("/")
report = {}

# A view of Gap centre in Lambert-93 and the same view in lon/lat.
BBOX_2154 = (944000.0, 6388700.0, 945000.0, 6389700.0)

for version in ("1.1.1", "1.3.0"):
    wms = WebMapService(base + "/wms", version=version, timeout=60)
    names = sorted(wms.contents)
    for required in ("communes", "parcelles", "batiments", "routes", "plu_zones", "sentiers", "plan", "fond_plan"):
        assert required in wms.contents, f"{version}: layer {required} missing from {names}"
    parcelles = wms["parcelles"]
    assert parcelles.queryable, f"{version}: parcelles not queryable"
    crs = parcelles.crsOptions
    assert any("2154" in c for c in crs), f"{version}: EPSG:2154 not offered: {crs}"
    assert parcelles.styles, f"{version}: no styles on parcelles"
    img = wms.getmap(layers=["plan"], styles=[""], srs="EPSG:2154", bbox=BBOX_2154,
                     size=(512, 512), format="image/png", transparent=False)
    data = img.read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{version}: GetMap is not a PNG: {data[:200]!r}"
    # Pixel (200, 200) of a 500 px map of BBOX_2154 is E 944400 N 6389300, inside parcel 05061000DS0074
    # (the exact centre of Gap falls in a street, which the cadastre leaves as a gap).
    info = wms.getfeatureinfo(layers=["parcelles"], srs="EPSG:2154", bbox=BBOX_2154, size=(500, 500),
                              format="image/png", query_layers=["parcelles"], info_format="application/json",
                              xy=(200, 200), feature_count=3)
    body = json.loads(info.read())
    assert body.get("type") == "FeatureCollection", f"{version}: GetFeatureInfo JSON is not a FeatureCollection"
    ids = [f.get("id") for f in body["features"]]
    assert any(str(i).endswith("05061000DS0074") for i in ids), f"{version}: parcel 05061000DS0074 not under pixel 200,200: {ids}"
    report[version] = {"layers": len(names), "getmap_bytes": len(data), "gfi_features": len(body["features"]),
                       "first_parcel": body["features"][0].get("id")}

print(json.dumps(report))
