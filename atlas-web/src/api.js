// The REST API, read as the viewer the browser is (its session cookie, if any). The pages show what it
// answers (`formatted` values, the server's classes); they compute no value, class or rank of their own.
export class ApiError extends Error {
  /** @param body the problem JSON: title, and where the API gives them problems (imports) or errors (form fields) */
  constructor(status, title, body = {}) {
    super(title);
    this.status = status;
    this.body = body;
  }
}

const cache = new Map();

export async function api(path, { fresh = false } = {}) {
  if (!fresh && cache.has(path)) return cache.get(path);
  const p = fetch(`/api/v1${path}`, { headers: { Accept: 'application/json' }, credentials: 'same-origin' }).then(async (r) => {
    const body = await r.json().catch(() => ({}));
    if (!r.ok) throw new ApiError(r.status, body.title || `HTTP ${r.status}`, body);
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

// When a form is sent after the session expired, the page asks for the login again (a dialog, the form
// stays as it is) and then sends once more with the new session's CSRF token. main.js registers it.
let reauthenticate = null;
export function onSessionExpired(fn) {
  reauthenticate = fn;
}

async function sessionGone() {
  const s = await fetch('/api/v1/session', { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
    .then((r) => r.json()).catch(() => ({ authenticated: false }));
  return !s.authenticated;
}

async function withLogin(attempt, csrf) {
  let r = await attempt(csrf);
  if ((r.status === 401 || r.status === 403) && reauthenticate && await sessionGone()) {
    const fresh = await reauthenticate();
    if (fresh) r = await attempt(fresh);
  }
  return r;
}

async function answer(r) {
  const text = r.body ?? '';
  let json = {};
  try { json = text ? JSON.parse(text) : {}; } catch { json = {}; }
  if (r.status < 200 || r.status >= 300) throw new ApiError(r.status, json.title || `HTTP ${r.status}`, json);
  return json;
}

/** Sends JSON with the session's CSRF token (forms of the internal area); answers the API's JSON. */
export async function send(method, path, body, csrf) {
  forget();
  const r = await withLogin(async (token) => {
    // X-Requested-With: Spring answers a lost session with a bare 401, not a Basic challenge, which would
    // make the browser hold the request for its own password prompt (and the re-login dialog never came)
    const headers = { 'Content-Type': 'application/json', Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' };
    if (token) headers[token.header] = token.token;
    const res = await fetch(`/api/v1${path}`, { method, headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, body: await res.text() };
  }, csrf);
  return answer(r);
}

/**
 * Uploads a form (files and fields) with the CSRF token; onProgress(0..1) follows the upload itself
 * (XMLHttpRequest: fetch reports no upload progress). Answers the API's JSON.
 */
export async function upload(path, formData, csrf, onProgress) {
  forget();
  const r = await withLogin((token) => new Promise((resolve, reject) => {
    const x = new XMLHttpRequest();
    x.open('POST', `/api/v1${path}`);
    x.setRequestHeader('Accept', 'application/json');
    x.setRequestHeader('X-Requested-With', 'XMLHttpRequest');   // a bare 401 when the session is gone (see send)
    if (token) x.setRequestHeader(token.header, token.token);
    x.withCredentials = true;
    if (onProgress) x.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(e.loaded / e.total); };
    x.onload = () => resolve({ status: x.status, body: x.responseText });
    x.onerror = () => reject(new ApiError(0, 'Netzwerkfehler / network error'));
    x.send(formData);
  }), csrf);
  return answer(r);
}

/** Periods are opaque keys: shown by their label when the API gives one, ordered by Stichtag when given. */
export function periodKey(p) {
  return p && typeof p === 'object' ? String(p.period) : String(p);
}
export function periodLabel(p, labels) {
  if (p && typeof p === 'object') return p.period_label || String(p.period);
  return (labels && labels[String(p)]) || String(p);
}
