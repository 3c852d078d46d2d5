"""Loads atlas layers the way QGIS users do, headless: OGC API Features (provider OAPIF) and WFS.

Usage: qgis_check.py OGCAPI_URL OWS_URL LAYER INTERNAL_LAYER USER PASSWORD
Prints one JSON object: per provider and layer whether QGIS could load it, its feature count, CRS,
fields and the "wert" of each feature of the latest year; the internal layer anonymously and with
Basic credentials. Run by OgcClientsTest with QT_QPA_PLATFORM=offscreen.
"""
import json
import os
import sys

from qgis.core import QgsApplication, QgsDataSourceUri, QgsVectorLayer

ogcapi, ows, layer, internal, user, password = sys.argv[1:7]

QgsApplication.setPrefixPath("/usr", True)   # Debian's layout; without it no provider is found
app = QgsApplication([], False)
app.initQgis()


def uri(url, typename, credentials=False, **extra):
    u = QgsDataSourceUri()
    u.setParam("url", url)
    u.setParam("typename", typename)
    for k, v in extra.items():
        u.setParam(k, v)
    if credentials:
        u.setUsername(user)
        u.setPassword(password)
    return u.uri(False)


def load(provider, source, year=None):
    lyr = QgsVectorLayer(source, "atlas", provider)
    out = {"valid": lyr.isValid()}
    if not lyr.isValid():
        return out
    out["crs"] = lyr.crs().authid()
    out["fields"] = [f.name() for f in lyr.fields()]
    features = list(lyr.getFeatures())
    out["count"] = len(features)
    out["provider_count"] = lyr.featureCount()
    out["wert"] = {}
    out["periods"] = sorted({str(f["period"]) for f in features}) if "period" in out["fields"] else []
    latest = out["periods"][-1] if out["periods"] else None
    for f in features:
        if str(f["period"]) == latest:
            out["wert"][str(f["code"])] = str(f["wert"])
    out["latest"] = latest
    extent = lyr.extent()
    out["extent"] = [extent.xMinimum(), extent.yMinimum(), extent.xMaximum(), extent.yMaximum()]
    geom = next((f.geometry() for f in features if not f.geometry().isEmpty()), None)
    out["geometry_type"] = geom.wkbType() if geom is not None else None
    return out


result = {
    "qgis": __import__("qgis.core", fromlist=["Qgis"]).Qgis.QGIS_VERSION,
    "oapif": load("OAPIF", uri(ogcapi, layer)),
    "wfs": load("WFS", uri(ows, "atlas:" + layer, version="2.0.0")),
    "oapif_internal_anonymous": load("OAPIF", uri(ogcapi, internal)),
    "wfs_internal_anonymous": load("WFS", uri(ows, "atlas:" + internal, version="2.0.0")),
    "oapif_internal_staff": load("OAPIF", uri(ogcapi, internal, credentials=True)),
    "wfs_internal_staff": load("WFS", uri(ows, "atlas:" + internal, credentials=True, version="2.0.0")),
}
print(json.dumps(result), flush=True)
# QGIS 3.22's teardown of network providers may crash in a script; the result is out, so leave at once
os._exit(0)
