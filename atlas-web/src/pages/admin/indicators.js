// Admin console section "indikatoren" (being built in its own branch; this file is replaced there).
import { h } from '../../dom.js';
import { t } from '../../i18n.js';

export default {
  path: 'indikatoren',
  title: 'admin.section.indicators',
  allowed: (roles) => roles.any,
  async render(ctx) {
    ctx.container.append(h('p', {}, t('admin.section.indicators')));
  },
};
