// UI texts: German first, English beside (messages.*.js). Data (titles, definitions) come from the API in German.
import de from './messages.de.js';
import en from './messages.en.js';

const all = { de, en };
let lang = 'de';

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
  const s = all[lang][key] ?? de[key] ?? key;
  return s.replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)] ?? ''));
}
