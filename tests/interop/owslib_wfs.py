#!/usr/bin/python3
"""OWSLib's WebFeatureService 2.0 against GeoMas.Ogc: capabilities, a GML page, hits by paging, GetFeatureById.

Usage: owslib_wfs.py BASE_URL
Prints a JSON report; exits non-zero on any failure.
"""
import json
import sys
import xml.etree.ElementTree as ET

from owslib.wfs import WebFeatureService

WFS = "{http://www.opengis.net/wfs/2.0}"
GML = "{http://www.opengis.net/gml/3.2}"

base = sys.argv[1].rstrip("/")
wfs = WebFeatureService(base + "/wfs", version="2.0.0", timeout=120)
report = {"feature_types": sorted(wfs.contents)}

# One GML page of routes in the default CRS (OWSLib 0.27 sends no SRSNAME in 2.0).
page = ET.fromstring(wfs.getfeature(typename=["geomas:routes"], maxfeatures=5).read())
report["routes_page_members"] = len(page.findall(WFS + "member"))
report["routes_srs_names"] = sorted({e.get("srsName") for e in page.iter() if e.get("srsName")})

# Walk the parcels with startindex/maxfeatures, counting distinct gml:ids.
ids, start = set(), 0
while True:
    chunk = ET.fromstring(wfs.getfeature(typename=["geomas:parcelles"], maxfeatures=5000, startindex=start,
                                         propertyname=["commune"]).read())
    members = [m[0].get(GML + "id") for m in chunk.findall(WFS + "member")]
    ids.update(members)
    matched = int(chunk.get("numberMatched"))
    start += len(members)
    if not members or chunk.get("next") is None:
        break
report["parcelles_walked"] = len(ids)
report["parcelles_matched"] = matched

# GetFeatureById through the stored query.
first = next(iter(sorted(ids)))
feature = ET.fromstring(wfs.getfeature(storedQueryID="urn:ogc:def:query:OGC-WFS::GetFeatureById",
                                       storedQueryParams={"ID": first}).read())
report["by_id"] = feature.get(GML + "id")
report["by_id_expected"] = first
print(json.dumps(report))
