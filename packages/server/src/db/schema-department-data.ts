/** Kysely table types of migrations 0007 and 0013 (department data comparison, 数据比对). */
import type { ColumnType, Generated } from 'kysely';

export interface DepartmentRecordTable {
  id: Generated<string>;
  department: string;
  kind: string;
  person_id: string;
  household_id: string;
  county_code: string;
  dest_division_code: string;
  /** `date` comes back as a string (see connection.ts type parsers). */
  occurred_on: ColumnType<string, string, string>;
  period: string;
  /** numeric comes back as a string from pg; the repository converts it. */
  amount: ColumnType<string | null, number | string | null, number | string | null>;
  detail: ColumnType<unknown, string, string>;
  record_key: string;
  import_job_id: string;
  source_file: string;
  /** The row of source_file the record was read from; null for records imported before migration 0013. */
  source_row: number | null;
  /** The department's own number of the record (the medical settlement number), where its list has one. */
  record_no: string | null;
  created_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface DepartmentDataTables {
  department_record: DepartmentRecordTable;
}
