#!/usr/bin/python3
"""Drives OWSLib's WebFeatureService (2.0.0 and 1.1.0) metadata reading against a running GeoMas.Ogc.

Usage: owslib_wfs_meta.py BASE_URL   (e.g. http://127.0.0.1:5000)
Reads the capabilities, the feature types with their CRS and WGS 84 box, the schema of one type
(DescribeFeatureType) and the stored queries. Prints one JSON object; exits non-zero on the first failure.
"""
import json
import sys

from owslib.wfs import WebFeatureService

base = sys.argv[1].rstrip("/")
report = {}
TYPES = ("communes", "parcelles", "batiments", "routes", "plu_zones", "sentiers")

for version in ("2.0.0", "1.1.0"):
    wfs = WebFeatureService(base + "/wfs", version=version, timeout=60)
    assert wfs.identification.type.upper() == "WFS", f"{version}: service type {wfs.identification.type}"
    names = sorted(wfs.contents)
    for name in TYPES:
        assert "geomas:" + name in wfs.contents, f"{version}: geomas:{name} missing from {names}"
    parcelles = wfs.contents["geomas:parcelles"]
    crs = [c.getcode() for c in parcelles.crsOptions]
    assert crs[0] == "EPSG:2154", f"{version}: default CRS is {crs[0]}"
    for code in ("EPSG:4326", "EPSG:3857"):
        assert code in crs, f"{version}: {code} not offered: {crs}"
    west, south, east, north = parcelles.boundingBoxWGS84
    # The demo parcels lie around Gap (lon ~6.08, lat ~44.56): lon/lat order, not swapped.
    assert 5.4 < west < east < 7.1 and 43.6 < south < north < 45.2, f"{version}: WGS84 box {parcelles.boundingBoxWGS84}"
    # OWSLib 0.27 lists the global Parameter/Constraint names of OWS 1.1 among the operations too.
    operations = [op.name for op in wfs.operations]
    for op in ("GetCapabilities", "DescribeFeatureType", "GetFeature"):
        assert op in operations, f"{version}: operation {op} missing from {operations}"
    entry = {
        "types": len([n for n in names if n.startswith("geomas:")]),
        "default_crs": crs[0],
        "crs_count": len(crs),
        "wgs84": [round(v, 4) for v in parcelles.boundingBoxWGS84],
        "operations": operations,
    }
    # OWSLib classifies gml:MultiSurfacePropertyType as a geometry ("3D MultiPolygon") but not MultiCurve: for
    # routes the geometry shows up among the properties with its GML type.
    schema = wfs.get_schema("geomas:parcelles")
    assert schema is not None, f"{version}: no schema for parcelles"
    entry["parcelles_geometry"] = [schema.get("geometry"), schema.get("geometry_column")]
    entry["routes_properties"] = wfs.get_schema("geomas:routes")["properties"]
    if version == "2.0.0":
        stored = [q.id for q in wfs.storedqueries]
        entry["stored_queries"] = stored
    report[version] = entry

print(json.dumps(report))
