/**
 * Readers of the monitoring settings in force (SPEC §4), used by the warning run and the case
 * workflow. Each takes `db` so a caller inside a transaction passes its handle.
 */
import type { Kysely } from 'kysely';
import {
  DEFAULT_MONITORING_DEADLINES,
  DEFAULT_MONITORING_THRESHOLDS,
  MONITORING_SETTING_KEYS,
  incomeLineValue,
  monitoringDeadlinesValue,
  monitoringThresholdsValue,
  type MonitoringDeadlines,
  type MonitoringThresholds,
} from '@anju/core';
import type { DB } from '../../db/schema.js';
import { settingRowInForce } from '../settings/setting-repo.js';

export interface IncomeLine {
  yuan: number;
  /** The year the line was set for; a later date keeps it until the province sets the next year's. */
  year: number;
  /** The document that set it. */
  source: string | null;
  /** The province code whose line it is. */
  jurisdiction: string;
}

/** The province's income line in force on `date` for a division inside it, or null when none is set. */
export async function incomeLineOn(db: Kysely<DB>, divisionCode: string, date: string): Promise<IncomeLine | null> {
  const row = await settingRowInForce(db, MONITORING_SETTING_KEYS.incomeLine, divisionCode, date);
  const parsed = incomeLineValue.safeParse(row?.value);
  if (!row || !parsed.success) return null;
  return { yuan: parsed.data.yuan, year: parsed.data.year, source: row.source, jurisdiction: row.jurisdiction };
}

/** Warning and elimination thresholds in force for a division on a date (the default when none is). */
export async function monitoringThresholds(db: Kysely<DB>, divisionCode: string, date: string): Promise<MonitoringThresholds> {
  const parsed = monitoringThresholdsValue.safeParse((await settingRowInForce(db, MONITORING_SETTING_KEYS.thresholds, divisionCode, date))?.value);
  return parsed.success ? parsed.data : DEFAULT_MONITORING_THRESHOLDS;
}

/** Procedure deadlines in force for a division on a date, in working days (noticeDays: calendar days). */
export async function monitoringDeadlines(db: Kysely<DB>, divisionCode: string, date: string): Promise<MonitoringDeadlines> {
  const parsed = monitoringDeadlinesValue.safeParse((await settingRowInForce(db, MONITORING_SETTING_KEYS.deadlines, divisionCode, date))?.value);
  return parsed.success ? parsed.data : DEFAULT_MONITORING_DEADLINES;
}
