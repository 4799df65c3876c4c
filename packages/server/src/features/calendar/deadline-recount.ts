/**
 * When a year's holidays are entered or corrected, the open deadlines that reach into it were
 * counted on another list (Monday to Friday, while nobody had entered the year): count them
 * again from the dates they were counted from, with the deadline settings in force on those days.
 */
import type { Kysely } from 'kysely';
import type { MonitoringDeadlines } from '@anju/core';
import type { DB } from '../../db/schema.js';
import { monitoringDeadlines } from '../monitoring/monitoring-settings.js';
import { stepDueOf } from '../monitoring-cases/case-deadlines.js';
import { isIdentificationStep, type CaseStep } from '../monitoring-cases/case-flow.js';
import * as repo from './deadline-recount-repo.js';
import { calendarOf } from './working-days.js';

export interface Recount {
  cases: number;
  conversions: number;
}

/** Recounts the dues of open cases and pending conversions on or after 1 January of `year`; returns how many changed. */
export async function recountDeadlines(db: Kysely<DB>, year: number): Promise<Recount> {
  const cal = await calendarOf(db, { estimate: true });
  const settings = new Map<string, Promise<MonitoringDeadlines>>();
  const deadlinesOn = (county: string, date: string) => {
    const key = `${county}:${date}`;
    if (!settings.has(key)) settings.set(key, monitoringDeadlines(db, county, date));
    return settings.get(key)!;
  };

  const cases: { id: string; step_due: string | null; whole_due: string | null }[] = [];
  for (const c of await repo.openCasesDueFrom(db, year)) {
    const wholeDue = isIdentificationStep(c.step) ? cal.addWorkingDays(c.lead_on, (await deadlinesOn(c.county_code, c.lead_on)).whole) : c.whole_due;
    const stepDue = stepDueOf(c.step as CaseStep, cal, await deadlinesOn(c.county_code, c.entered_on), { today: c.entered_on, wholeDue, noticeEnd: c.notice_end });
    if (stepDue !== c.step_due || wholeDue !== c.whole_due) cases.push({ id: c.id, step_due: stepDue, whole_due: wholeDue });
  }
  await repo.setCaseDues(db, cases);

  const conversions: { id: string; due_on: string }[] = [];
  for (const c of await repo.pendingConversionsDueFrom(db, year)) {
    const dueOn = cal.addWorkingDays(c.confirmed_on, (await deadlinesOn(c.county_code, c.confirmed_on)).conversion);
    if (dueOn !== c.due_on) conversions.push({ id: c.id, due_on: dueOn });
  }
  await repo.setConversionDues(db, conversions);
  return { cases: cases.length, conversions: conversions.length };
}
