"""OWSLib against the atlas: WMS 1.3.0 and WFS 2.0 capabilities, a GetMap, features.

Usage: owslib_check.py ENDPOINT WMS_LAYER WFS_TYPENAME PNG_OUT
Prints one JSON object with what OWSLib saw; the Java test asserts on it.
"""
import json
import sys

from owslib.wfs import WebFeatureService
from owslib.wms import WebMapService

endpoint, layer, typename, png_out = sys.argv[1:5]
out = {}

wms = WebMapService(endpoint, version="1.3.0")
out["wms_title"] = wms.identification.title
out["wms_layers"] = list(wms.contents)
lyr = wms[layer]
out["wms_layer_title"] = lyr.title
out["wms_styles"] = sorted(lyr.styles)
out["wms_times"] = [t.strip() for t in (lyr.timepositions or [])]
out["wms_time_default"] = lyr.defaulttimeposition
out["wms_crs"] = sorted(lyr.crsOptions)
out["wms_metadata_urls"] = [m["url"] for m in lyr.metadataUrls]
out["wms_getmap_formats"] = wms.getOperationByName("GetMap").formatOptions
west, south, east, north = lyr.boundingBoxWGS84
# OWSLib swaps to the latitude-first axis order of EPSG:4326 in WMS 1.3.0 itself
img = wms.getmap(layers=[layer], styles=["quantile"], srs="EPSG:4326", bbox=(west, south, east, north),
                 size=(256, 256), format="image/png", time="2005")
data = img.read()
out["getmap_content_type"] = img.info()["Content-Type"]
with open(png_out, "wb") as f:
    f.write(data)

wfs = WebFeatureService(endpoint, version="2.0.0")
out["wfs_types"] = list(wfs.contents)
ft = wfs.contents[typename]
out["wfs_type_title"] = ft.title
out["wfs_crs"] = [c.getcode() for c in ft.crsOptions]
resp = wfs.getfeature(typename=[typename], outputFormat="application/json; subtype=geojson")
features = json.loads(resp.read())["features"]
out["wfs_geojson_count"] = len(features)
out["wfs_geojson"] = [f["properties"] for f in features]
gml = wfs.getfeature(typename=[typename], maxfeatures=5).read()
out["wfs_gml_head"] = (gml.decode("utf-8") if isinstance(gml, bytes) else gml)[:2000]

print(json.dumps(out, ensure_ascii=False))
