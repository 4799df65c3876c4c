import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface MonitorRunTable {
  id: Generated<string>;
  period: string;
  division_code: string;
  as_of: ColumnType<string, string, string>;
  started_at: Timestamp;
  finished_at: Timestamp | null;
  raised: Generated<number>;
  summary: Generated<unknown>;
  user_id: string | null;
  username: string;
}

export interface MonitoringWarningTable {
  id: Generated<string>;
  household_id: string;
  person_id: string | null;
  rule_id: string;
  pack_code: string;
  period: string;
  county_code: string;
  dest_division_code: string;
  facts: unknown;
  /** The monitoring category the warning points to (core warning-categories.ts), fixed when raised. */
  category: string;
  /** The department records the rule read (department_record ids), when the departments' lists fired it. */
  source_record_ids: ColumnType<string[], string[] | undefined, string[]>;
  status: Generated<'open' | 'taken' | 'dismissed'>;
  run_id: string | null;
  taken_case_id: string | null;
  dismissed_reason: string | null;
  decided_at: Timestamp | null;
  decided_by: string | null;
  version: Generated<number>;
  created_at: Generated<Date>;
}

export interface MonitoringWarningTables {
  monitor_run: MonitorRunTable;
  monitoring_warning: MonitoringWarningTable;
}
