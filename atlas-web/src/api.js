// The REST API, read as the viewer the browser is (its session cookie, if any). The pages show what it
// answers (`formatted` values, the server's classes); they compute no value, class or rank of their own.
export class ApiError extends Error {
  constructor(status, title) {
    super(title);
    this.status = status;
  }
}

const cache = new Map();

export async function api(path, { fresh = false } = {}) {
  if (!fresh && cache.has(path)) return cache.get(path);
  const p = fetch(`/api/v1${path}`, { headers: { Accept: 'application/json' }, credentials: 'same-origin' }).then(async (r) => {
    const body = await r.json().catch(() => ({}));
    if (!r.ok) throw new ApiError(r.status, body.title || `HTTP ${r.status}`);
    return body;
  });
  cache.set(path, p);
  p.catch(() => cache.delete(path));
  return p;
}

export function forget() {
  cache.clear();
}

export const enc = encodeURIComponent;

/** Sends JSON with the session's CSRF token (forms of the internal area). */
export async function send(method, path, body, csrf) {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
  if (csrf) headers[csrf.header] = csrf.token;
  const r = await fetch(`/api/v1${path}`, { method, headers, credentials: 'same-origin', body: JSON.stringify(body) });
  const json = await r.json().catch(() => ({}));
  if (!r.ok) throw new ApiError(r.status, json.title || `HTTP ${r.status}`);
  return json;
}

/** Periods are opaque keys: shown by their label when the API gives one, ordered by Stichtag when given. */
export function periodKey(p) {
  return p && typeof p === 'object' ? String(p.period) : String(p);
}
export function periodLabel(p, labels) {
  if (p && typeof p === 'object') return p.period_label || String(p.period);
  return (labels && labels[String(p)]) || String(p);
}
