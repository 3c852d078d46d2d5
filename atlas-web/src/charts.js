// Charts as plain SVG: no library (a few KB instead of hundreds), text alternatives built in. Every
// number shown is a `formatted` string from the API; positions only scale the API's numeric values.
import { h } from './dom.js';

/**
 * Ranked columns, highest first, each in its map class colour, with the territory value as a line.
 * @param rows [{code, name, value, formatted, colour, rank}]
 */
export function rankingChart(rows, reference, { label, onSelect, onHover }) {
  const valued = rows.filter((r) => r.value !== null && r.value !== undefined).sort((a, b) => b.value - a.value);
  const W = 900; const H = 260; const top = 16; const bottom = 24; const left = 8;
  const max = Math.max(...valued.map((r) => r.value), reference && reference.value !== null ? reference.value : 0, 0);
  const min = Math.min(0, ...valued.map((r) => r.value));
  const y = (v) => top + (H - top - bottom) * (max === min ? 0 : (max - v) / (max - min));
  const bw = (W - left * 2) / Math.max(1, valued.length);
  const svg = h('svg:svg', { viewBox: `0 0 ${W} ${H}`, class: 'rangfolge', role: 'img', 'aria-label': label },
    h('svg:line', { x1: left, x2: W - left, y1: y(0), y2: y(0), class: 'achse' }),
    valued.map((r, i) => {
      const bar = h('svg:rect', { x: left + i * bw + 0.5, width: Math.max(1, bw - 1), y: Math.min(y(r.value), y(0)),
        height: Math.max(1, Math.abs(y(0) - y(r.value))), fill: r.colour || '#6b7a8f', class: 'balken', dataset: { code: r.code } },
      h('svg:title', {}, `${r.rank}. ${r.name}: ${r.formatted}`));
      bar.addEventListener('click', () => onSelect && onSelect(r.code));
      bar.addEventListener('mouseenter', () => onHover && onHover(r.code));
      bar.addEventListener('mouseleave', () => onHover && onHover(null));
      return bar;
    }),
    reference && reference.value !== null && reference.value !== undefined ? [
      h('svg:line', { x1: left, x2: W - left, y1: y(reference.value), y2: y(reference.value), class: 'referenz' }),
      h('svg:text', { x: W - left, y: y(reference.value) - 4, 'text-anchor': 'end', class: 'referenz-text' },
        `${reference.unit_name}: ${reference.formatted}`)] : null);
  return svg;
}

/**
 * Lines over the periods: the selected unit, its parent and the territory.
 * @param series [{name, cls, points: [{label, value, formatted}]}]
 */
export function lineChart(series, label) {
  const W = 420; const H = 200; const left = 12; const right = 12; const top = 14; const bottom = 26;
  const all = series.flatMap((s) => s.points.map((p) => p.value)).filter((v) => v !== null && v !== undefined);
  if (!all.length) return h('p', {}, '–');
  const n = Math.max(...series.map((s) => s.points.length));
  const max = Math.max(...all); const min = Math.min(...all);
  const pad = (max - min) * 0.1 || Math.abs(max) * 0.1 || 1;
  const y = (v) => top + (H - top - bottom) * ((max + pad - v) / (max - min + 2 * pad));
  const x = (i) => left + (n <= 1 ? 0 : (W - left - right) * (i / (n - 1)));
  const labels = series[0].points.map((p) => p.label);
  return h('svg:svg', { viewBox: `0 0 ${W} ${H}`, class: 'zeitreihe', role: 'img', 'aria-label': label },
    h('svg:line', { x1: left, x2: W - right, y1: H - bottom, y2: H - bottom, class: 'achse' }),
    labels.map((l, i) => (i === 0 || i === n - 1 || n <= 8
      ? h('svg:text', { x: x(i), y: H - 8, 'text-anchor': i === 0 ? 'start' : i === n - 1 ? 'end' : 'middle', class: 'achsen-text' }, l) : null)),
    series.map((s) => {
      const pts = s.points.map((p, i) => (p.value === null || p.value === undefined ? null : [x(i), y(p.value), p]));
      const d = pts.reduce((acc, p, i) => (p ? `${acc}${acc && pts[i - 1] ? 'L' : 'M'}${p[0].toFixed(1)},${p[1].toFixed(1)}` : acc), '');
      return h('svg:g', { class: `linie ${s.cls}` }, h('svg:path', { d }),
        pts.filter(Boolean).map(([px, py, p]) => h('svg:circle', { cx: px, cy: py, r: 3 }, h('svg:title', {}, `${s.name}, ${p.label}: ${p.formatted}`))));
    }));
}

/** A small horizontal bar from a middle line: the deviation from the territory (a spine chart cell). */
export function spine(deviation, scale, tendency) {
  const W = 120; const H = 14; const mid = W / 2;
  if (deviation === null || deviation === undefined || !scale) return h('svg:svg', { viewBox: `0 0 ${W} ${H}`, class: 'spine', 'aria-hidden': 'true' });
  const w = Math.min(mid - 2, (Math.abs(deviation) / scale) * (mid - 2));
  return h('svg:svg', { viewBox: `0 0 ${W} ${H}`, class: 'spine', 'aria-hidden': 'true' },
    h('svg:line', { x1: mid, x2: mid, y1: 0, y2: H, class: 'achse' }),
    h('svg:rect', { x: deviation < 0 ? mid - w : mid, y: 3, width: Math.max(1, w), height: H - 6, class: `abw ${tendency || 'neutral'}` }));
}

/** Grouped bars of one indicator over a few units (the comparison). */
export function groupBars(items, label) {
  const W = 420; const row = 22; const left = 150; const H = items.length * row + 8;
  const vals = items.map((i) => i.value).filter((v) => v !== null && v !== undefined);
  const max = Math.max(0, ...vals); const min = Math.min(0, ...vals);
  const x = (v) => left + (W - left - 70) * (max === min ? 0 : (v - min) / (max - min));
  return h('svg:svg', { viewBox: `0 0 ${W} ${H}`, class: 'gruppe', role: 'img', 'aria-label': label },
    items.map((it, i) => h('svg:g', {},
      h('svg:text', { x: left - 6, y: i * row + 16, 'text-anchor': 'end', class: 'achsen-text' }, it.name.length > 22 ? `${it.name.slice(0, 21)}…` : it.name),
      it.value === null || it.value === undefined ? null
        : h('svg:rect', { x: Math.min(x(0), x(it.value)), y: i * row + 5, height: row - 8, width: Math.max(1, Math.abs(x(it.value) - x(0))), class: `reihe-${i}` }),
      h('svg:text', { x: it.value === null || it.value === undefined ? left + 4 : Math.max(x(0), x(it.value)) + 4, y: i * row + 16, class: 'achsen-text' }, it.formatted))));
}
