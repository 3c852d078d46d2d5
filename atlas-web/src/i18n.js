// UI texts: German first, English beside (messages.*.js; the admin console's sections bring their own
// through addTexts). Data (titles, definitions) come from the API in German.
import de from './messages.de.js';
import en from './messages.en.js';

const all = { de: { ...de }, en: { ...en } };
let lang = 'de';

/** Adds a module's texts (keys prefixed with the module's name, so that none overrides another). */
export function addTexts(texts) {
  for (const l of ['de', 'en']) {
    for (const k of Object.keys(texts[l] || {})) {
      if (k in all[l]) throw new Error(`text key defined twice: ${k}`);
    }
    Object.assign(all[l], texts[l]);
  }
}

export function initLanguage() {
  const asked = new URLSearchParams(location.search).get('lang');
  const stored = (() => { try { return localStorage.getItem('atlas.lang'); } catch { return null; } })();
  lang = asked === 'en' || asked === 'de' ? asked : stored === 'en' ? 'en' : 'de';
  document.documentElement.lang = lang;
}

export function language() {
  return lang;
}

export function setLanguage(l) {
  lang = l;
  try { localStorage.setItem('atlas.lang', l); } catch { /* private mode */ }
  document.documentElement.lang = l;
}

/** The text of a key with {0}, {1} … filled in; a missing English text falls back to German. */
export function t(key, ...args) {
  const s = all[lang][key] ?? all.de[key] ?? key;
  return s.replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)] ?? ''));
}
