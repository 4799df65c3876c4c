/**
 * Deadlines across the 2026 Mid-Autumn and National Day holidays (chinese-days: 25–27 Sep and
 * 1–7 Oct off, Sun 20 Sep and Sat 10 Oct worked), counted by hand below; lateness and the level
 * told as the clock moves; the escalation written once per step.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MONITORING_DEADLINES } from '@anju/core';
import { WorkingCalendar } from '../calendar/working-days.js';
import { addMonthsToDate, latenessOf, noticeEndOf, stepDueOf } from './case-deadlines.js';
import { escalateOverdueCases } from './escalation.js';
import { startKit, type Kit } from '../../../test/case-kit.js';

const calendar = new WorkingCalendar(new Map());
const d = DEFAULT_MONITORING_DEADLINES; // verification 5, notice 5 days, review 5, approval 5, whole 20

describe('case deadlines (pure)', () => {
  it('counts working days over the holidays and the 调休 Saturday', () => {
    // Tue 29 Sep: 30 Sep (1), 1–7 Oct off, 8 (2), 9 (3), Sat 10 worked (4), Sun 11 off, Mon 12 (5).
    expect(stepDueOf('lead', calendar, d, { today: '2026-09-29', wholeDue: null, noticeEnd: null })).toBe('2026-10-12');
    // A notice ending Sat 19 Sep: Sun 20 worked (1), 21 (2), 22 (3), 23 (4), 24 (5).
    expect(stepDueOf('notice', calendar, d, { today: '2026-09-16', wholeDue: null, noticeEnd: '2026-09-19' })).toBe('2026-09-24');
    // One ending Thu 24 Sep: 25–27 off, 28 (1), 29 (2), 30 (3), 1–7 Oct off, 8 (4), 9 (5).
    expect(stepDueOf('notice', calendar, d, { today: '2026-09-20', wholeDue: null, noticeEnd: '2026-09-24' })).toBe('2026-10-09');
    expect(noticeEndOf('2026-09-28', 5)).toBe('2026-10-02');
    expect(stepDueOf('verified', calendar, d, { today: '2026-10-08', wholeDue: '2026-11-02', noticeEnd: null })).toBe('2026-11-02');
    expect(stepDueOf('monitored', calendar, d, { today: '2026-10-08', wholeDue: '2026-11-02', noticeEnd: null })).toBeNull();
  });

  it('is late the day after the earliest due, and tells the level above the one that owes the step', () => {
    const c = { step: 'lead', step_due: '2026-10-12', whole_due: '2026-11-02' };
    expect(latenessOf(c, '2026-10-12')).toEqual({ overdue: false, overdueDays: 0, escalatedTo: null });
    expect(latenessOf(c, '2026-10-15')).toEqual({ overdue: true, overdueDays: 3, escalatedTo: 'township' });
    expect(latenessOf({ step: 'notice', step_due: '2026-11-20', whole_due: '2026-11-02' }, '2026-11-03').escalatedTo).toBe('county');
    expect(latenessOf({ step: 'township_reviewed', step_due: '2026-11-20', whole_due: '2026-11-30' }, '2026-11-21').escalatedTo).toBe('city');
    // After approval the whole procedure's due no longer counts.
    expect(latenessOf({ step: 'monitored', step_due: null, whole_due: '2026-11-02' }, '2027-01-01').overdue).toBe(false);
  });

  it('adds months, the 31st falling back to the month end', () => {
    expect(addMonthsToDate('2026-01-12', 6)).toBe('2026-07-12');
    expect(addMonthsToDate('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonthsToDate('2026-03-10', -12)).toBe('2025-03-10');
  });
});

let kit: Kit;
let caseId: string;

beforeAll(async () => {
  kit = await startKit('due');
});
afterAll(async () => kit?.close());

const escalated = async () =>
  (await kit.as.admin.request('GET', `/api/v1/monitoring/cases/${caseId}`)).body.events.filter((e: { action: string }) => e.action === 'escalated');

describe('case deadlines on the calendar', () => {
  it('sets the dues of a lead taken just before National Day', async () => {
    kit.at('2026-09-29');
    const hh = await kit.household();
    const c = await kit.lead(hh.id);
    caseId = c.id;
    // Whole (20): 30 Sep, 8, 9, 10 (Sat), 12–16, 19–23, 26–30 Oct (19), Mon 2 Nov (20).
    expect(c).toMatchObject({ leadOn: '2026-09-29', stepDue: '2026-10-12', wholeDue: '2026-11-02', overdue: false });
  });

  it('turns overdue the day after the due, for the township to see, and escalates once', async () => {
    const { as, at, ctx } = kit;
    at('2026-10-12');
    expect((await as.clerk.request('GET', `/api/v1/monitoring/cases/${caseId}`)).body.overdue).toBe(false);
    expect(await escalateOverdueCases(ctx)).toBe(0);
    at('2026-10-13');
    const late = (await as.clerk.request('GET', `/api/v1/monitoring/cases/${caseId}`)).body;
    expect(late).toMatchObject({ overdue: true, overdueDays: 1, escalatedTo: 'township' });
    const listed = await as.clerk.request('GET', '/api/v1/monitoring/cases?overdue=true');
    expect(listed.body.items.map((c: { id: string }) => c.id)).toEqual([caseId]);
    expect((await as.clerk.request('GET', '/api/v1/monitoring/cases?overdue=false')).body.total).toBe(0);
    const board = (await as.monitor.request('GET', '/api/v1/monitoring/cases/board')).body;
    expect(board).toMatchObject({ total: 1, overdue: 1 });

    expect(await escalateOverdueCases(ctx)).toBe(1);
    expect(await escalateOverdueCases(ctx)).toBe(0);
    at('2026-10-20');
    expect(await escalateOverdueCases(ctx)).toBe(0);
    const events = await escalated();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ fromStep: 'lead', note: '逾期未办结，已提请乡镇督办', data: { escalatedTo: 'township', dueOn: '2026-10-12', overdueDays: 1 } });
  });

  it('is on time again at the next step, and escalated again when that step is late', async () => {
    const { as, at, ctx, signPapers, actOk } = kit;
    await signPapers(caseId);
    const verified = await actOk(caseId, as.collector, { action: 'verify', commitmentSignedOn: '2026-10-20', authorizationSignedOn: '2026-10-20' });
    expect(verified).toMatchObject({ step: 'verified', stepDue: '2026-11-02', overdue: false, escalatedTo: null });
    expect(await escalateOverdueCases(ctx)).toBe(0);
    at('2026-11-05');
    expect((await as.clerk.request('GET', `/api/v1/monitoring/cases/${caseId}`)).body).toMatchObject({ overdue: true, overdueDays: 3 });
    expect(await escalateOverdueCases(ctx)).toBe(1);
    expect(await escalateOverdueCases(ctx)).toBe(0);
    expect((await escalated()).map((e: { fromStep: string }) => e.fromStep)).toEqual(['lead', 'verified']);
  });
});
