#!/usr/bin/python3
"""Headless QGIS check of the atlas' WMS and WFS (by hand; not part of the test suite).

Reads /ows and /{territory}/ows the way desktop QGIS does and prints what QGIS saw:
  WMS  layer valid, a rendered map with the class colours, legend (GetLegendGraphic), feature info,
       the time dimension (WMS-T as QGIS' "Add WMS layer" dialog sets it up: type=wmst);
  WFS  version 2.0.0 and "auto": feature count against the read API, field names and types, one
       feature's attributes;
  Basic authentication (optional): with ATLAS_USER and ATLAS_PASSWORD set, an unpublished layer
       (ATLAS_INTERNAL_LAYER) is missing anonymously and there with the credentials in the connection.

Needs QGIS 3.22 from Debian 12 (apt-get install --no-install-recommends python3-qgis qgis-providers)
and a running atlas (default http://127.0.0.1:8080):
  QT_QPA_PLATFORM=offscreen HOME=$(mktemp -d) TMPDIR=$(mktemp -d) \\
      /usr/bin/python3 docs/qgis/check_qgis.py [BASE_URL] [OUTPUT_DIR]
Exit status 0 when every check passed; the rendered maps go to OUTPUT_DIR (default: current folder).
"""
import json
import os
import sys
import urllib.request

from qgis.PyQt.QtCore import QDate, QDateTime, QEventLoop, QSize, Qt, QTime
from qgis.PyQt.QtGui import QColor
from qgis.core import (Qgis, QgsApplication, QgsCoordinateReferenceSystem, QgsDataSourceUri,
                       QgsDateTimeRange, QgsMapRendererSequentialJob, QgsMapSettings,
                       QgsNetworkAccessManager, QgsNetworkRequestParameters, QgsPointXY, QgsRaster,
                       QgsRasterLayer, QgsRectangle, QgsVectorLayer)

BASE = (sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8080").rstrip("/")
OUT = sys.argv[2] if len(sys.argv) > 2 else "."
TERRITORY, INDICATOR, LEVEL = "koeln", "anteil_unter_6", "stadtteil"
LAYER = f"{TERRITORY}.{INDICATOR}.{LEVEL}"   # WMS layer name: territory.indicator.level
TYPENAME = f"atlas:{LAYER}"                   # WFS type name as in the capabilities (QGIS needs the prefix)
EXTENT = QgsRectangle(343000, 5630000, 372000, 5664000)  # Köln, EPSG:25832
YEARS = list(range(2005, 2013))               # the layer's years, advertised by their Stichtag (31.12.)
INTERNAL_LAYER = os.environ.get("ATLAS_INTERNAL_LAYER", "koeln.anteil_migrationshintergrund.stadtteil")  # demo: unpublished

QgsApplication.setPrefixPath("/usr", True)
app = QgsApplication([], False)
app.initQgis()
print("QGIS", Qgis.QGIS_VERSION)

failures, requests, messages = [], [], []
# every URL QGIS requests and every message it logs, to show what it really sent and what it complained about
QgsNetworkAccessManager.instance().requestAboutToBeCreated[QgsNetworkRequestParameters].connect(
    lambda p: requests.append(p.request().url().toString()))
QgsApplication.messageLog().messageReceived.connect(lambda msg, tag, level: messages.append(f"[{tag}] {msg}"))


def check(ok, what):
    print(("  ok    " if ok else "  FAIL  ") + what)
    if not ok:
        failures.append(what)


def flush_log(label):
    """Prints (and forgets) the requests and log messages collected since the last call."""
    app.processEvents()
    for u in requests:
        print(f"    {label} request: {u}")
    for m in messages:
        print(f"    {label} log: {m[:600]}")
    requests.clear()
    messages.clear()


def render(layer, png, year=None):
    """Renders the layer at EXTENT (600 x 600 px, EPSG:25832), with year as a temporal map; returns its colours."""
    s = QgsMapSettings()
    s.setLayers([layer])
    s.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:25832"))
    s.setExtent(EXTENT)
    s.setOutputSize(QSize(600, 600))
    s.setBackgroundColor(QColor(Qt.white))
    if year is not None:
        s.setIsTemporal(True)
        s.setTemporalRange(QgsDateTimeRange(QDateTime(QDate(year, 1, 1), QTime(0, 0)),
                                            QDateTime(QDate(year, 12, 31), QTime(23, 59, 59))))
    job = QgsMapRendererSequentialJob(s)
    loop = QEventLoop()  # an event loop rather than waitForFinished, so the request log signals arrive
    job.finished.connect(loop.quit)
    job.start()
    loop.exec_()
    img = job.renderedImage()
    img.save(os.path.join(OUT, png))
    colours = {}
    for y in range(0, img.height(), 4):
        for x in range(0, img.width(), 4):
            c = img.pixel(x, y) & 0xFFFFFF
            colours[c] = colours.get(c, 0) + 1
    coloured = sum(n for c, n in colours.items() if c != 0xFFFFFF)
    print(f"    {png}: {len(colours)} colours, {coloured} of {sum(colours.values())} sampled pixels not white")
    return colours


def fetch_legend(layer):
    """The legend image as the layer panel fetches it (GetLegendGraphic)."""
    fetcher = layer.dataProvider().getLegendGraphicFetcher(None)
    got, loop = [], QEventLoop()
    fetcher.finish.connect(lambda img: (got.append(img), loop.quit()))
    fetcher.error.connect(lambda msg: (messages.append("[legend] " + msg), loop.quit()))
    fetcher.start()
    if not got:
        loop.exec_()
    return got[0] if got else None


def wms(endpoint, label):
    print(f"\nWMS {endpoint}  layer {LAYER}")
    uri = f"url={endpoint}&layers={LAYER}&styles=&format=image/png&crs=EPSG:25832"
    lyr = QgsRasterLayer(uri, LAYER, "wms")
    check(lyr.isValid(), f"{label}: WMS layer valid")
    if not lyr.isValid():
        flush_log(label)
        return
    print("    extent:", lyr.extent().toString(0), "| crs:", lyr.crs().authid())
    colours = render(lyr, f"qgis_wms_{label}.png")
    check(len(colours) >= 4, f"{label}: map shows several class colours")
    flush_log(label)

    legend = fetch_legend(lyr)
    check(legend is not None and not legend.isNull() and legend.height() > 50,
          f"{label}: legend image" + (f" ({legend.width()} x {legend.height()} px)" if legend else ""))
    centre = QgsPointXY(357000, 5645000)  # a point inside Köln
    info = lyr.dataProvider().identify(centre, QgsRaster.IdentifyFormatHtml, EXTENT, 600, 600)
    html = " ".join(str(v) for v in info.results().values()) if info.isValid() else ""
    check(info.isValid() and "<td>" in html, f"{label}: feature info as an HTML table")
    info = lyr.dataProvider().identify(centre, QgsRaster.IdentifyFormatFeature, EXTENT, 600, 600)
    feats = [f for v in info.results().values() for store in v for f in store.features()] if info.isValid() else []
    check(len(feats) == 1, f"{label}: feature info as features: {[dict(zip(f.fields().names(), f.attributes())) for f in feats][:1]}")
    flush_log(label)

    # WMS-T as the "Add WMS layer" dialog creates it: type=wmst plus the advertised time extent; the
    # temporal controller then sends TIME for the range it shows (here: the whole of 2005, then 2012)
    turi = (uri + "&type=wmst&timeDimensionExtent=" + ",".join(f"{y}-12-31" for y in YEARS)
            + "&allowTemporalUpdates=true&temporalSource=provider")
    tl = QgsRasterLayer(turi, LAYER + " (WMS-T)", "wms")
    caps = tl.dataProvider().temporalCapabilities()
    check(tl.isValid() and caps.hasTemporalCapabilities(), f"{label}: WMS-T layer valid, temporal")
    r = caps.availableTemporalRange()
    check(r.begin().isValid(), f"{label}: QGIS understands the time extent ({r.begin().toString(Qt.ISODate)}"
                               f" - {r.end().toString(Qt.ISODate)})")
    flush_log(label)
    first = render(tl, f"qgis_wms_{label}_{YEARS[0]}.png", YEARS[0])
    flush_log(f"{label} {YEARS[0]}")
    last = render(tl, f"qgis_wms_{label}_{YEARS[-1]}.png", YEARS[-1])
    flush_log(f"{label} {YEARS[-1]}")
    check(len(first) >= 4 and first != last, f"{label}: the temporal controller's years {YEARS[0]} and"
                                             f" {YEARS[-1]} give different maps")


def api_count():
    url = f"{BASE}/api/v1/territories/{TERRITORY}/indicators/{INDICATOR}/values?level={LEVEL}"
    with urllib.request.urlopen(url) as r:
        return len(json.load(r))


def wfs(endpoint, label, version):
    print(f"\nWFS {endpoint}  typename {TYPENAME}  version {version}")
    uri = QgsDataSourceUri()
    uri.setParam("url", endpoint)
    uri.setParam("typename", TYPENAME)
    uri.setParam("version", version)
    uri.setParam("srsname", "EPSG:25832")
    lyr = QgsVectorLayer(uri.uri(False), TYPENAME, "WFS")
    check(lyr.isValid(), f"{label}: WFS {version} layer valid")
    if not lyr.isValid():  # (lyr.error() crashes QGIS 3.22 here; the message log says why)
        flush_log(label)
        return
    n, expected = lyr.featureCount(), api_count()
    print(f"    featureCount {n}, read API rows {expected}, crs {lyr.crs().authid()}, wkbType {lyr.wkbType()}")
    check(n == expected, f"{label}: feature count equals the read API's ({expected}: all years)")
    fields = {f.name(): f.typeName().lower() for f in lyr.fields()}
    print("    fields:", ", ".join(f"{k}:{v}" for k, v in fields.items()))
    check(fields.get("code") == "string", f"{label}: code is a string (keeps leading zeros)")
    check(fields.get("period") in ("int", "integer"), f"{label}: period is an integer")
    check(fields.get("value") == "double", f"{label}: value is a double")
    feats = list(lyr.getFeatures())
    check(len(feats) == expected, f"{label}: iterated {len(feats)} features")
    if feats:
        f = feats[0]
        print("    first feature:", {k: f[k] for k in ("code", "name", "wert", "period", "value")},
              "| has geometry:", f.hasGeometry() and not f.geometry().isEmpty())
    flush_log(label)


def internal_layer(endpoint, user="", password=""):
    """An internal layer (not published) as QGIS loads it, with the connection's Basic credentials if given."""
    auth = f"&username={user}&password={password}" if user else ""
    name = INTERNAL_LAYER
    return QgsRasterLayer(f"url={endpoint}&layers={name}&styles=&format=image/png&crs=EPSG:25832{auth}", name, "wms")


for endpoint, label in ((f"{BASE}/ows", "ows"), (f"{BASE}/{TERRITORY}/ows", TERRITORY)):
    wms(endpoint, label)
    wfs(endpoint, label, "2.0.0")
    wfs(endpoint, label, "auto")

if os.environ.get("ATLAS_USER"):
    print(f"\nBasic authentication in the WMS connection, internal layer {INTERNAL_LAYER}")
    check(not internal_layer(f"{BASE}/ows").isValid(), "anonymous: the internal layer does not exist")
    signed_in = internal_layer(f"{BASE}/ows", os.environ["ATLAS_USER"], os.environ.get("ATLAS_PASSWORD", ""))
    check(signed_in.isValid(), "signed in: the internal layer is valid")
    if signed_in.isValid():
        check(len(render(signed_in, "qgis_wms_internal.png")) >= 4, "signed in: the internal layer renders")
    for user in ("", os.environ["ATLAS_USER"]):
        uri = QgsDataSourceUri()
        uri.setParam("url", f"{BASE}/ows")
        uri.setParam("typename", "atlas:" + INTERNAL_LAYER)
        uri.setParam("version", "auto")
        if user:
            uri.setUsername(user)
            uri.setPassword(os.environ.get("ATLAS_PASSWORD", ""))
        lyr = QgsVectorLayer(uri.uri(False), INTERNAL_LAYER, "WFS")
        check(lyr.isValid() == bool(user), ("signed in" if user else "anonymous") + ": WFS layer of the internal layer "
              + (f"valid, {lyr.featureCount()} features" if lyr.isValid() else "does not exist"))
    flush_log("auth")

print("\n" + ("ALL CHECKS PASSED" if not failures else f"{len(failures)} FAILED: " + "; ".join(failures)))
app.exitQgis()
sys.exit(1 if failures else 0)
