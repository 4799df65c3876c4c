import type { Role } from '../registry/enums.js';
import { ledgerDepartment, type ListDepartment } from '../department-data/departments.js';
import { can } from './permissions.js';

/**
 * Who may import which ledger: the registry and labour ledgers need `import.run`; a department's
 * list needs `department_data.import`, and a department user may import only their own
 * department's list (permissions go by role, the department is checked here).
 */
export function canImportLedger(role: Role, department: string | null, ledger: string): boolean {
  const owner = ledgerDepartment(ledger);
  if (owner === null) return can(role, 'import.run');
  return can(role, 'department_data.import') && (role !== 'department' || department === owner);
}

/** Whether the import centre is open to the role at all. */
export function canUseImportCentre(role: Role): boolean {
  return can(role, 'import.run') || can(role, 'department_data.import');
}

/**
 * The department whose records a user reads: a department user sees only their own
 * department's lists; everyone else allowed to read department data sees all (null).
 */
export function departmentDataScope(role: Role, department: string | null): ListDepartment | 'none' | null {
  if (role !== 'department') return null;
  return (ledgerDepartment(`department_${department ?? ''}`) ?? 'none');
}
