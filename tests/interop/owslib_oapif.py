#!/usr/bin/python3
"""Drives OWSLib's OGC API - Features client (owslib.ogcapi.features.Features) against a running GeoMas.Ogc.

Usage: owslib_oapif.py BASE_URL   (e.g. http://127.0.0.1:5000)
Prints one JSON object with what it saw; exits non-zero on the first failure.
"""
import json
import sys

from owslib.ogcapi.features import Features

base = sys.argv[1].rstrip("/")
report = {}

api = Features(base, timeout=120)
links = {link["rel"]: link for link in api.links}
for rel in ("service-desc", "conformance", "data"):
    assert rel in links, f"landing page has no {rel} link: {sorted(links)}"

definition = api.api()  # found through service-desc with the OpenAPI 3.0 JSON type
assert definition["openapi"].startswith("3.0"), definition.get("openapi")
report["api_paths"] = len(definition["paths"])

conformance = api.conformance()["conformsTo"]
assert "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core" in conformance, conformance
report["conformance"] = len(conformance)

report["feature_collections"] = sorted(api.feature_collections())

parcelles = api.collection("parcelles")
report["parcelles_storage_crs"] = parcelles["storageCrs"]

# Paging walk as a script would do it: offset/limit until a short page.
seen = set()
offset = 0
matched = None
while True:
    page = api.collection_items("parcelles", limit=1000, offset=offset, properties="commune")
    matched = page["numberMatched"] if matched is None else matched
    assert page["numberReturned"] == len(page["features"])
    seen.update(f["id"] for f in page["features"])
    if not any(link["rel"] == "next" for link in page["links"]):
        break
    offset += 1000
report["parcelles_walked"] = len(seen)
report["parcelles_matched"] = matched

box = api.collection_items("batiments", bbox=[6.07, 44.55, 6.08, 44.56], limit=10000)
report["batiments_in_box"] = box["numberMatched"]
assert len(box["features"]) == box["numberMatched"]

filtered = api.collection_items("sentiers", filter="difficulte = 2", limit=10000)
assert all(f["properties"]["difficulte"] == 2 for f in filtered["features"])
report["sentiers_difficulte_2"] = filtered["numberMatched"]

zones_now = api.collection_items("plu_zones", limit=1)
zones_2010 = api.collection_items("plu_zones", limit=1, datetime="2010-01-01T00:00:00Z")
report["plu_zones_now"] = zones_now["numberMatched"]
report["plu_zones_2010"] = zones_2010["numberMatched"]

first = zones_now["features"][0]
item = api.collection_item("plu_zones", str(first["id"]))
assert item["id"] == first["id"], (item["id"], first["id"])
report["plu_zone_item"] = item["id"]

queryables = api.collection_queryables("plu_zones")
report["plu_zones_queryables"] = sorted(queryables["properties"])

print(json.dumps(report))
