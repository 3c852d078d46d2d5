// What the signed-in user may do in a territory, read from the session's grants. It only decides which
// sections and controls the console shows: the API checks every act again.

/** @returns {{admin: boolean, editor: boolean, reader: boolean, departments: string[], any: boolean}} */
export function rolesIn(session, territory) {
  const grants = (session.grants || []).filter((g) => g.territory === territory);
  const admin = !!session.global_admin || grants.some((g) => g.role === 'admin');
  const departments = grants.filter((g) => g.role === 'editor').map((g) => g.department);
  const editor = departments.length > 0;
  const reader = grants.some((g) => g.role === 'reader');
  return { admin, editor, reader, departments, any: admin || editor };
}

/**
 * Territories in which the user administers or edits something.
 * @param all the keys of every territory the API lists (global administrators administer all of them)
 */
export function consoleTerritories(session, all = []) {
  if (session.global_admin) return [...all];
  return [...new Set((session.grants || []).filter((g) => g.role === 'admin' || g.role === 'editor').map((g) => g.territory))].sort();
}

/** Whether the header offers the console at all. */
export function usesConsole(session) {
  return !!session.global_admin || (session.grants || []).some((g) => g.role === 'admin' || g.role === 'editor');
}
