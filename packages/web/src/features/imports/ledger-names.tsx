/**
 * The ledgers of the import centre as a user sees them: the registry and labour ledgers, and the
 * departments' lists (数据比对), each only to those who may import it (rules from @anju/core).
 */
import { canImportLedger } from '@anju/core/access/department-data';
import { departmentLedgerNames, departmentListTitles, ledgerDepartment } from '@anju/core/department-data/departments';
import type { Role } from '@anju/core/registry/enums';
import type { Messages } from '../../i18n/messages-zh';

const REGISTRY_LEDGERS = ['sites', 'households', 'persons', 'labour'];

export function ledgerLabel(m: Messages, ledger: string): string {
  const department = ledgerDepartment(ledger);
  if (department) return m.imports.departmentLedger(department, departmentListTitles[department]);
  const names: Record<string, string> = { sites: m.menu.sites, households: m.menu.households, persons: m.menu.persons, labour: m.imports.labourLedger };
  return names[ledger] ?? ledger;
}

/** What an import's counts are counts of. */
export function countLabel(m: Messages, entity: string): string {
  if (entity === 'department_record') return m.imports.departmentRecords;
  if (entity === 'person') return m.imports.personFacts;
  return ledgerLabel(m, entity);
}

export function importableLedgers(role: string, department: string | null): string[] {
  return [...REGISTRY_LEDGERS, ...departmentLedgerNames].filter((ledger) => canImportLedger(role as Role, department, ledger));
}
