/** Kysely table types of migrations/0006_calendar_settings.sql. */
import type { ColumnType, Generated } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateText = ColumnType<string, string, string>;

export interface HolidayCalendarTable {
  date: DateText;
  kind: 'holiday' | 'workday';
  name: string;
  source: Generated<'package' | 'admin'>;
  created_by: string | null;
  created_at: Timestamp;
}

export interface CalendarTables {
  holiday_calendar: HolidayCalendarTable;
}
