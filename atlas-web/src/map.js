// The choropleth from the atlas's own WMS (the same classes and colours QGIS sees), the parent level's
// outlines, unit names on hover (GetFeatureInfo) and the outline of the highlighted units (WFS).
import 'ol/ol.css';
import Map from 'ol/Map.js';
import View from 'ol/View.js';
import ImageLayer from 'ol/layer/Image.js';
import ImageWMS from 'ol/source/ImageWMS.js';
import VectorLayer from 'ol/layer/Vector.js';
import VectorSource from 'ol/source/Vector.js';
import GeoJSON from 'ol/format/GeoJSON.js';
import Overlay from 'ol/Overlay.js';
import { Style, Stroke, Fill } from 'ol/style.js';
import { defaults as defaultControls } from 'ol/control/defaults.js';
import { transformExtent } from 'ol/proj.js';
import { url } from './dom.js';

const GEOJSON = 'application/json; subtype=geojson';

function equals(prop, value) {
  return `<Filter><PropertyIsEqualTo><ValueReference>${prop}</ValueReference><Literal>${String(value).replace(/[<>&'"]/g, '')}</Literal></PropertyIsEqualTo></Filter>`;
}

export function wfsUrl(territory, typeName, params) {
  return url(`/${territory}/ows`, { SERVICE: 'WFS', VERSION: '2.0.0', REQUEST: 'GetFeature', TYPENAMES: `atlas:${typeName}`,
    OUTPUTFORMAT: GEOJSON, ...params });
}

export function periodFilter(period) {
  return equals('period', period);
}

/**
 * @param target  the map element
 * @param opts    territory, layer (indicator layer name), outlines (parent outline layer or null), unitLayer
 *                (outline layer of the shown level), period, tooltip element, onHover(code), onSelect(code)
 */
export function atlasMap(target, opts) {
  const choropleth = new ImageWMS({ url: `/${opts.territory}/ows`, ratio: 1,
    params: { LAYERS: opts.layer, STYLES: '', FORMAT: 'image/png', TRANSPARENT: true, VERSION: '1.3.0', TIME: opts.period } });
  const layers = [new ImageLayer({ source: choropleth, className: 'wms-choropleth' })];
  if (opts.outlines) {
    layers.push(new ImageLayer({ className: 'wms-umrisse', source: new ImageWMS({ url: `/${opts.territory}/ows`, ratio: 1,
      params: { LAYERS: opts.outlines, STYLES: '', FORMAT: 'image/png', TRANSPARENT: true, VERSION: '1.3.0' } }) }));
  }
  const marked = new VectorSource();
  const styles = {
    selected: new Style({ stroke: new Stroke({ color: '#000', width: 3.5 }), fill: new Fill({ color: 'rgba(255,255,255,0)' }) }),
    hover: new Style({ stroke: new Stroke({ color: '#f0a000', width: 3 }), fill: new Fill({ color: 'rgba(255,255,255,0)' }) }),
  };
  layers.push(new VectorLayer({ source: marked, className: 'markiert', style: (f) => styles[f.get('rolle')] || styles.hover }));
  const tooltip = new Overlay({ element: opts.tooltip, offset: [12, 12], positioning: 'top-left' });
  const map = new Map({ target, layers, overlays: [tooltip], keyboardEventTarget: target,
    controls: defaultControls({ attribution: false, rotate: false, zoomOptions: { zoomInTipLabel: opts.labels.zoomIn, zoomOutTipLabel: opts.labels.zoomOut } }),
    view: new View({ projection: 'EPSG:3857' }) });
  const format = new GeoJSON({ dataProjection: 'EPSG:3857', featureProjection: 'EPSG:3857' });
  const geometries = new globalThis.Map();

  async function geometry(code) {
    if (!geometries.has(code)) {
      geometries.set(code, fetch(wfsUrl(opts.territory, opts.unitLayer, { SRSNAME: 'EPSG:3857', FILTER: equals('code', code) }))
        .then((r) => r.json()).then((j) => format.readFeatures(j)).catch(() => []));
    }
    return geometries.get(code);
  }

  const marks = { selected: [], hover: null };
  let drawn = 0;
  async function redraw() {
    const n = ++drawn;
    const wanted = [...marks.selected.map((c) => [c, 'selected']), ...(marks.hover && !marks.selected.includes(marks.hover) ? [[marks.hover, 'hover']] : [])];
    const features = [];
    for (const [code, rolle] of wanted) {
      for (const f of await geometry(code)) {
        const g = f.clone();
        g.set('rolle', rolle);
        features.push(g);
      }
    }
    if (n !== drawn) return;
    marked.clear();
    marked.addFeatures(features);
  }

  let pending = null;
  let lastPixel = null;
  async function infoAt(coordinate) {
    const u = choropleth.getFeatureInfoUrl(coordinate, map.getView().getResolution(), 'EPSG:3857',
      { INFO_FORMAT: 'application/json', QUERY_LAYERS: opts.layer, FEATURE_COUNT: 1 });
    const r = await fetch(u);
    const j = await r.json().catch(() => ({ features: [] }));
    return (j.features || [])[0] || null;
  }
  map.on('pointermove', (e) => {
    if (e.dragging) return;
    lastPixel = e.pixel;
    clearTimeout(pending);
    pending = setTimeout(async () => {
      const f = await infoAt(e.coordinate);
      if (lastPixel !== e.pixel) return;
      if (f) {
        opts.tooltip.textContent = `${f.properties.name}: ${f.properties.wert}`;
        opts.tooltip.hidden = false;
        tooltip.setPosition(e.coordinate);
      } else {
        opts.tooltip.hidden = true;
      }
      opts.onHover(f ? f.properties.code : null);
    }, 120);
  });
  target.addEventListener('mouseleave', () => {
    clearTimeout(pending);
    lastPixel = null;
    opts.tooltip.hidden = true;
    opts.onHover(null);
  });
  map.on('singleclick', async (e) => {
    const f = await infoAt(e.coordinate);
    if (f) opts.onSelect(f.properties.code);
  });

  return {
    map,
    choropleth,
    /** Shows the level's units: their bounding box in EPSG:4326 from the API's levels. */
    fitLonLat(extent) {
      map.getView().fit(transformExtent(extent, 'EPSG:4326', 'EPSG:3857'), { padding: [10, 10, 10, 10] });
    },
    setPeriod(period) {
      choropleth.updateParams({ TIME: period });
    },
    setMarks(selected, hover) {
      marks.selected = selected;
      marks.hover = hover;
      redraw();
    },
    /** The pixel inside a unit (tests and keyboard users' "show on map"). */
    async pixelOf(code) {
      const fs = await geometry(code);
      if (!fs.length) return null;
      const g = fs[0].getGeometry();
      const p = g.getType() === 'MultiPolygon' ? g.getInteriorPoints().getCoordinates()[0] : g.getInteriorPoint().getCoordinates();
      return map.getPixelFromCoordinate([p[0], p[1]]);
    },
    dispose() {
      map.setTarget(null);
    },
  };
}
