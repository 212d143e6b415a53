#!/usr/bin/python3
"""Drives OWSLib's WebMapTileService against a running GeoMas.Ogc WMTS.

Usage: owslib_wmts.py BASE_URL   (e.g. http://127.0.0.1:5000)
Prints one JSON object with what it saw; exits non-zero on the first failure.
"""
import json
import math
import struct
import sys

from owslib.wmts import WebMapTileService

base = sys.argv[1].rstrip("/")
wmts = WebMapTileService(base + "/wmts", version="1.0.0")

layers = sorted(wmts.contents)
for required in ("communes", "parcelles", "batiments", "routes", "plu_zones", "sentiers", "plan", "fond_plan"):
    assert required in wmts.contents, f"layer {required} missing from {layers}"
sets = sorted(wmts.tilematrixsets)
for required in ("LAMB93", "WebMercatorQuad", "WorldCRS84Quad"):
    assert required in wmts.tilematrixsets, f"tile matrix set {required} missing from {sets}"
lamb93 = wmts.tilematrixsets["LAMB93"]
assert lamb93.crs == "urn:ogc:def:crs:EPSG::2154", lamb93.crs
assert lamb93.tilematrix["12"].topleftcorner == (0.0, 12000000.0), lamb93.tilematrix["12"].topleftcorner
plan = wmts.contents["plan"]
assert set(plan.tilematrixsetlinks) == {"LAMB93", "WebMercatorQuad", "WorldCRS84Quad"}, plan.tilematrixsetlinks
assert "image/png" in plan.formats, plan.formats
assert "default" in plan.styles, plan.styles
assert any(r["resourceType"] == "tile" for r in plan.resourceURLs), plan.resourceURLs
plu = wmts.contents["plu_zones"]
# OWSLib 0.27 does not parse Dimension; the time dimension shows in the REST templates.
assert all("/{Style}/{time}/" in r["template"] for r in plu.resourceURLs), plu.resourceURLs


def tile_size(data):
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"GetTile is not a PNG: {data[:200]!r}"
    return struct.unpack(">II", data[16:24])


# Gap centre (E 944400, N 6389300 in Lambert-93; lon 6.079, lat 44.560).
span = 209715.2 / 2 ** 12 * 256
row, col = int((12000000 - 6389300) // span), int(944400 // span)
lamb = wmts.gettile(layer="plan", tilematrixset="LAMB93", tilematrix="12", row=row, column=col, format="image/png").read()
assert tile_size(lamb) == (256, 256)

z = 14
n = 2 ** z
lon, lat = 6.079, 44.560
x = int((lon + 180) / 360 * n)
y = int((1 - math.log(math.tan(math.radians(lat)) + 1 / math.cos(math.radians(lat))) / math.pi) / 2 * n)
merc = wmts.gettile(layer="plan", tilematrixset="WebMercatorQuad", tilematrix=str(z), row=y, column=x, format="image/png").read()
assert tile_size(merc) == (256, 256)

print(json.dumps({"layers": len(layers), "tilematrixsets": sets, "lamb93_tile": [row, col, len(lamb)],
                  "webmercator_tile": [z, y, x, len(merc)]}))
