// Admin console section "daten-importieren" (being built in its own branch; this file is replaced there).
import { h } from '../../dom.js';
import { t } from '../../i18n.js';

export default {
  path: 'daten-importieren',
  title: 'admin.section.import',
  allowed: (roles) => roles.any,
  async render(ctx) {
    ctx.container.append(h('p', {}, t('admin.section.import')));
  },
};
