// Admin console section "benutzer" (being built in its own branch; this file is replaced there).
import { h } from '../../dom.js';
import { t } from '../../i18n.js';

export default {
  path: 'benutzer',
  title: 'admin.section.users',
  allowed: (roles) => roles.admin,
  async render(ctx) {
    ctx.container.append(h('p', {}, t('admin.section.users')));
  },
};
