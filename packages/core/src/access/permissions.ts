import type { Role } from '../registry/enums.js';

/** What each role may do; the server checks these in every service's first lines. */
export type Permission =
  | 'registry.read'
  | 'registry.write'
  | 'personal.unmask'
  | 'import.run'
  | 'users.manage'
  | 'audit.read';

const GRANTS: Record<Role, Permission[]> = {
  collector: ['registry.read', 'registry.write', 'personal.unmask'],
  clerk: ['registry.read', 'registry.write', 'personal.unmask', 'import.run'],
  monitor: ['registry.read', 'registry.write', 'personal.unmask', 'import.run'],
  department: ['registry.read'],
  leader: ['registry.read', 'audit.read'],
  admin: ['registry.read', 'registry.write', 'personal.unmask', 'import.run', 'users.manage', 'audit.read'],
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}

/**
 * Division codes nest by prefix (省2, 市4, 县6, 乡9, 村12 digits), so "inside my division" is
 * a prefix test; the national administrator's home is the empty code.
 */
export function divisionContains(home: string, code: string): boolean {
  return code.startsWith(home);
}
