import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { parseCalendarLines } from '@anju/core';
import { buildApp } from '../../app.js';
import { createTestDatabase, testContext, type TestDatabase } from '../../../test/test-database.js';
import { addUser, login, type ApiSession } from '../../../test/api-client.js';
import { TOWNSHIP_A } from '../../../test/factories.js';
import { calendarOf } from './working-days.js';

let tdb: TestDatabase;
let app: FastifyInstance;
let admin: ApiSession;
let provinceAdmin: ApiSession;
let clerk: ApiSession;

beforeAll(async () => {
  tdb = await createTestDatabase();
  const ctx = testContext(tdb.database);
  app = await buildApp(ctx);
  await addUser(ctx, 'cal-admin', 'admin', '');
  await addUser(ctx, 'cal-admin-52', 'admin', '52');
  await addUser(ctx, 'cal-clerk', 'clerk', TOWNSHIP_A);
  [admin, provinceAdmin, clerk] = await Promise.all([login(app, 'cal-admin'), login(app, 'cal-admin-52'), login(app, 'cal-clerk')]);
});
afterAll(async () => {
  await app.close();
  await tdb.close();
});

// A made-up arrangement for a year no official notice in the package covers (test data only).
const LINES_2027 = `
2027-01-01 休 元旦
# 测试用，并非国务院通知
2027-02-06~2027-02-12 休 春节
2027-02-13 班 春节调休
`;

describe('working-day calendar API', () => {
  it("shows a year from the package with its count of working days", async () => {
    const res = await clerk.request('GET', '/api/v1/calendar/2025');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ year: 2025, source: 'package', workingDays: 248, packageYears: { first: 2004, last: 2026 } });
    expect(res.body.days).toContainEqual({ date: '2025-10-01', kind: 'holiday', name: '国庆节', source: 'package' });
    expect(res.body.days).toContainEqual({ date: '2025-10-11', kind: 'workday', name: '国庆节调休', source: 'package' });
    expect((await clerk.request('GET', '/api/v1/calendar/2024')).body.workingDays).toBe(251);
  });

  it('says when a year is not covered', async () => {
    const res = await clerk.request('GET', '/api/v1/calendar/2027');
    expect(res.body).toMatchObject({ year: 2027, source: null, days: [], workingDays: null });
  });

  it('lets only the national administrator enter a year', async () => {
    const { days } = parseCalendarLines(LINES_2027);
    expect((await clerk.request('PUT', '/api/v1/calendar/2027', { days })).status).toBe(403);
    const byProvince = await provinceAdmin.request('PUT', '/api/v1/calendar/2027', { days });
    expect(byProvince.status).toBe(403);
    expect(byProvince.body.message).toContain('仅全国系统管理员');
  });

  it('extends the calendar with an administrator’s year, audited, and deadlines follow', async () => {
    const { days, errors } = parseCalendarLines(LINES_2027);
    expect(errors).toEqual([]);
    expect(days).toHaveLength(9);
    const res = await admin.request('PUT', '/api/v1/calendar/2027', { days });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ source: 'admin', adminYears: [{ year: 2027, days: 9 }] });
    expect(res.body.days[0]).toEqual({ date: '2027-01-01', kind: 'holiday', name: '元旦', source: 'admin' });
    const calendar = await calendarOf(tdb.database.db);
    // 2027-02-05 Fri → 6–12 off, 13 Sat worked (1), 15–18 (2–5)
    expect(calendar.addWorkingDays('2027-02-05', 5)).toBe('2027-02-18');
    const audit = await tdb.database.db.selectFrom('audit_log').select(['entity', 'entity_id', 'username']).where('entity', '=', 'holiday_calendar').execute();
    expect(audit).toEqual([{ entity: 'holiday_calendar', entity_id: '2027', username: 'cal-admin' }]);
  });

  it("replaces the package's list for a year it covers, and an empty list hands the year back", async () => {
    const replaced = await admin.request('PUT', '/api/v1/calendar/2025', { days: [{ date: '2025-10-02', kind: 'holiday', name: '测试' }] });
    expect(replaced.body).toMatchObject({ source: 'admin', days: [{ date: '2025-10-02', kind: 'holiday', name: '测试', source: 'admin' }] });
    expect((await calendarOf(tdb.database.db)).isWorkingDay('2025-10-01')).toBe(true);
    const back = await admin.request('PUT', '/api/v1/calendar/2025', { days: [] });
    expect(back.body).toMatchObject({ source: 'package', workingDays: 248 });
    expect((await calendarOf(tdb.database.db)).isWorkingDay('2025-10-01')).toBe(false);
  });

  it('refuses a wrong list, naming the day', async () => {
    const weekday = await admin.request('PUT', '/api/v1/calendar/2028', { days: [{ date: '2028-01-03', kind: 'workday', name: '调休' }] });
    expect(weekday.status).toBe(400);
    expect(weekday.body.details).toEqual([{ path: 'days.0.date', message: '2028-01-03 是工作日，调休上班日须为周六或周日' }]);
    const otherYear = await admin.request('PUT', '/api/v1/calendar/2028', { days: [{ date: '2029-01-01', kind: 'holiday', name: '元旦' }] });
    expect(otherYear.body.details[0]).toMatchObject({ path: 'days.0.date', message: '2029-01-01 不在2028年内' });
    const badKind = await admin.request('PUT', '/api/v1/calendar/2028', { days: [{ date: '2028-01-01', kind: 'rest', name: '元旦' }] });
    expect(badKind.status).toBe(400);
    expect(badKind.body.details[0].path).toBe('days.0.kind');
    expect((await clerk.request('GET', '/api/v1/calendar/2028')).body.source).toBeNull();
  });
});
