// Periods as the API gives them: today year numbers, later keys ("2012", "2015-H1", "2023/24") with a
// Stichtag and a German label. Keys are opaque strings; order by Stichtag when given, else as listed.
export function periods(ind) {
  const list = (ind.periods || []).map((p) => (p && typeof p === 'object'
    ? { key: String(p.period), label: p.period_label || String(p.period), stichtag: p.stichtag || null }
    : { key: String(p), label: (ind.period_labels && ind.period_labels[String(p)]) || String(p), stichtag: null }));
  if (list.every((p) => p.stichtag)) list.sort((a, b) => a.stichtag.localeCompare(b.stichtag));
  return list;
}

export function labelOf(ind, key) {
  const p = periods(ind).find((x) => x.key === String(key));
  return p ? p.label : String(key ?? '');
}
