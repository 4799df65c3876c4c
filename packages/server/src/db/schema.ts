/** Kysely table types; they mirror migrations/*.sql. */
import type { ColumnType, Generated } from 'kysely';
import type { EmploymentTables } from './schema-employment.js';
import type { PolicyTables } from './schema-policy.js';
import type { CalendarTables } from './schema-calendar.js';
import type { MonitoringWarningTables } from './schema-monitoring-warnings.js';
import type { DepartmentDataTables } from './schema-department-data.js';
import type { MonitoringCaseTables } from './schema-monitoring-cases.js';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
/** `date` columns come back as strings (see connection.ts type parsers). */
type DateText = ColumnType<string, string, string>;
/** numeric and bigint come back as strings from pg; repositories convert them. */
type Numeric = ColumnType<string, number | string, number | string>;


export interface DivisionTable {
  code: string;
  name: string;
  level: number;
  parent_code: string | null;
  code_year: number;
}

export interface SettingTable {
  key: string;
  jurisdiction: Generated<string>;
  effective_from: DateText;
  value: ColumnType<unknown, string, string>;
  source: string | null;
}

export interface AppUserTable {
  id: Generated<string>;
  username: string;
  display_name: string;
  password_hash: string;
  role: string;
  division_code: string;
  department: string | null;
  disabled: Generated<boolean>;
  failed_logins: Generated<number>;
  locked_until: NullableTimestamp;
  /** Set by an administrator's reset: no other call until the user picks a new one (0015). */
  must_change_password: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Failed logins per name as typed and source address (migration 0015). */
export interface LoginThrottleTable {
  username: string;
  ip: string;
  failures: number;
  last_failure_at: Timestamp;
  blocked_until: NullableTimestamp;
}

export interface UserSessionTable {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
}

export interface SiteTable {
  id: Generated<string>;
  code: string;
  name: string;
  county_code: string;
  division_code: string;
  area_kind: string;
  settlement_kind: string;
  cross_county: boolean;
  build_year: number | null;
  latitude: number | null;
  longitude: number | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface HouseholdTable {
  id: Generated<string>;
  household_no: string;
  county_code: string;
  dest_division_code: string;
  origin_village_code: string;
  site_id: string;
  building: string | null;
  unit: string | null;
  room: string | null;
  relocation_year: number;
  kind: string;
  property_cert_state: string | null;
  vegetable_plot: boolean | null;
  monitoring_category: Generated<string>;
  contracted_land_mu: Numeric | null;
  forest_land_mu: Numeric | null;
  land_transferred: boolean | null;
  homestead_reclaimed: boolean | null;
  status: Generated<string>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PersonTable {
  id: Generated<string>;
  id_number: string;
  household_id: string;
  county_code: string;
  dest_division_code: string;
  name: string;
  sex: string;
  birth_date: DateText;
  relation: string;
  ethnicity: string | null;
  education: string | null;
  school_stage: string | null;
  health: string | null;
  disability_grade: number | null;
  labour_capacity: string;
  skills: Generated<string[]>;
  medical_insurance: boolean | null;
  pension_insurance: boolean | null;
  safety_net: string | null;
  forest_ranger: boolean | null;
  hukou_state: string | null;
  phone: string | null;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface EmployerTable {
  id: Generated<string>;
  credit_code: string | null;
  name: string;
  kind: string;
  county_code: string;
  division_code: string;
  site_id: string | null;
  start_date: DateText | null;
  founded_by_relocated: boolean;
  positions: number;
  relocated_employed: number;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<string>;
  at: Timestamp;
  user_id: string | null;
  username: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  division_code: string | null;
  before: ColumnType<unknown, string | null, never>;
  after: ColumnType<unknown, string | null, never>;
  prev_hash: string;
  hash: string;
}

export interface ImportJobTable {
  id: Generated<string>;
  ledger: string;
  file_name: string;
  file_sha256: string | null;
  dry_run: boolean;
  status: string;
  total_rows: Generated<number>;
  inserted: Generated<number>;
  updated: Generated<number>;
  unchanged: Generated<number>;
  error_count: Generated<number>;
  errors: ColumnType<unknown, string | undefined, string>;
  summary: ColumnType<unknown, string | undefined, string>;
  error_file: string | null;
  stored_file: string | null;
  unmatched_count: Generated<number>;
  unmatched_file: string | null;
  notes: ColumnType<unknown, string | undefined, string>;
  note_count: Generated<number>;
  user_id: string | null;
  division_code: Generated<string>;
  started_at: Timestamp;
  finished_at: NullableTimestamp;
  /** host:pid:random of the process running the job (migration 0016). */
  owner: string | null;
  heartbeat_at: NullableTimestamp;
}

export interface ImportChangeTable {
  job_id: string;
  entity: string;
  entity_id: string;
  before: unknown;
  after: unknown;
}

export interface DB extends EmploymentTables, PolicyTables, MonitoringWarningTables, CalendarTables, DepartmentDataTables, MonitoringCaseTables {
  import_change: ImportChangeTable;
  division: DivisionTable;
  setting: SettingTable;
  app_user: AppUserTable;
  user_session: UserSessionTable;
  login_throttle: LoginThrottleTable;
  site: SiteTable;
  household: HouseholdTable;
  person: PersonTable;
  employer: EmployerTable;
  audit_log: AuditLogTable;
  import_job: ImportJobTable;
}
