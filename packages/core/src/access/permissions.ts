import type { Role } from '../registry/enums.js';

/** What each role may do; the server checks these in every service's first lines. */
export type Permission =
  | 'registry.read'
  | 'registry.write'
  | 'personal.unmask'
  | 'import.run'
  | 'users.manage'
  | 'audit.read'
  /** Fill in the monthly labour ledger and act on zero-employment households. */
  | 'employment.write'
  /** Open and close ledger periods; correct closed ones. */
  | 'employment.period'
  /** Training courses, public-welfare posts, workshops, job openings and referrals (人社 work). */
  | 'labour_services.manage'
  /** Edit policy packs: add a pack, a rule version or a parameter value. */
  | 'policy.manage'
  /** Propose entitlements from evaluations, and reject them. */
  | 'entitlements.propose'
  /** Approve entitlements and record them paid (the county's decision). */
  | 'entitlements.approve'
  /** Run the monthly monitoring and dismiss warnings (the county's monitor). */
  | 'monitoring.run'
  /** Import a department's list for data comparison (数据比对); department users only their own. */
  | 'department_data.import'
  /** Read the department records behind warnings and cases (health, disability, assistance). */
  | 'department_data.read'
  /** Record a risk lead, verify it at home, record comparison, appraisal and notice; propose elimination. */
  | 'monitoring.lead'
  /** The township's review of an identification (乡级审核). */
  | 'monitoring.review'
  /** The county's approval of an identification or an elimination, and safety-net conversions. */
  | 'monitoring.approve'
  /** Work on assistance tasks assigned to one's department (department users: only their own). */
  | 'assistance.task';

const GRANTS: Record<Role, Permission[]> = {
  collector: ['registry.read', 'registry.write', 'personal.unmask', 'employment.write', 'department_data.read', 'monitoring.lead'],
  clerk: [
    'registry.read', 'registry.write', 'personal.unmask', 'import.run', 'employment.write', 'labour_services.manage', 'entitlements.propose', 'department_data.read',
    'monitoring.lead', 'monitoring.review',
  ],
  monitor: [
    'registry.read', 'registry.write', 'personal.unmask', 'import.run', 'employment.write', 'employment.period', 'labour_services.manage', 'entitlements.propose',
    'entitlements.approve', 'monitoring.run', 'department_data.import', 'department_data.read', 'monitoring.lead', 'monitoring.approve', 'assistance.task',
  ],
  // Department users read everything in their division; the 人社 department's staff (checked by
  // the server, as permissions go by role) also run training, posts and openings.
  department: ['registry.read', 'labour_services.manage', 'department_data.import', 'department_data.read', 'assistance.task'],
  leader: ['registry.read', 'audit.read'],
  admin: [
    'registry.read', 'registry.write', 'personal.unmask', 'import.run', 'users.manage', 'audit.read', 'employment.write', 'employment.period',
    'labour_services.manage', 'policy.manage', 'entitlements.propose', 'entitlements.approve', 'monitoring.run', 'department_data.import',
    'department_data.read', 'monitoring.lead', 'monitoring.review', 'monitoring.approve', 'assistance.task',
  ],
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

const DIVISION_LEVELS = [12, 9, 6, 4, 2, 0];

/**
 * The smallest division holding every code given (their longest common prefix cut back to a
 * level): an audit entry about records of several divisions is filed there, so each reader whose
 * division holds them all sees it.
 */
export function smallestCommonDivision(codes: readonly string[]): string {
  if (codes.length === 0) return '';
  let prefix = codes[0]!;
  for (const code of codes) while (!code.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix.slice(0, DIVISION_LEVELS.find((n) => n <= prefix.length));
}
