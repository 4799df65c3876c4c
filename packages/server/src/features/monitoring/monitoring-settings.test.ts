import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.js';
import { createTestDatabase, testContext, type TestDatabase } from '../../../test/test-database.js';
import { addUser, login, type ApiSession } from '../../../test/api-client.js';
import { COUNTY, TOWNSHIP_A } from '../../../test/factories.js';
import { incomeLineOn, monitoringDeadlines, monitoringThresholds } from './monitoring-settings.js';

let tdb: TestDatabase;
let app: FastifyInstance;
let admin: ApiSession;
let countyAdmin: ApiSession;
let clerk: ApiSession;

beforeAll(async () => {
  tdb = await createTestDatabase();
  const ctx = testContext(tdb.database); // today: 2026-06-01
  app = await buildApp(ctx);
  await addUser(ctx, 'ms-admin', 'admin', '');
  await addUser(ctx, 'ms-admin-county', 'admin', COUNTY);
  await addUser(ctx, 'ms-clerk', 'clerk', TOWNSHIP_A);
  [admin, countyAdmin, clerk] = await Promise.all([login(app, 'ms-admin'), login(app, 'ms-admin-county'), login(app, 'ms-clerk')]);
});
afterAll(async () => {
  await app.close();
  await tdb.close();
});

const db = () => tdb.database.db;
const THRESHOLDS = { incomeDropShare: 0.4, rigidExpenseShare: 0.6, minMonitoredMonths: 6, stableIncomeMonths: 6 };
const DEADLINES = { verification: 5, noticeDays: 7, townshipReview: 5, countyApproval: 5, whole: 20, conversion: 30 };

describe('monitoring settings shipped by default', () => {
  it('give the example 2024 income line to the seeds’ provinces, marked as an example', async () => {
    for (const division of [TOWNSHIP_A, '14', '4331']) {
      const line = await incomeLineOn(db(), division, '2024-06-01');
      expect(line).toMatchObject({ yuan: 8700, year: 2024, jurisdiction: division.slice(0, 2) });
      expect(line!.source).toContain('示例');
    }
    expect(await incomeLineOn(db(), TOWNSHIP_A, '2023-12-31')).toBeNull();
    expect(await incomeLineOn(db(), '11', '2024-06-01')).toBeNull(); // no line shipped for Beijing
  });

  it('give national thresholds and deadlines', async () => {
    expect(await monitoringThresholds(db(), TOWNSHIP_A, '2026-06-01')).toEqual({ incomeDropShare: 0.3, rigidExpenseShare: 0.5, minMonitoredMonths: 6, stableIncomeMonths: 6 });
    expect(await monitoringDeadlines(db(), TOWNSHIP_A, '2026-06-01')).toEqual({ verification: 5, noticeDays: 5, townshipReview: 5, countyApproval: 5, whole: 20, conversion: 30 });
  });
});

describe('changing monitoring settings', () => {
  it('keeps an income line per province and year, each read on dates in its year', async () => {
    const y2025 = await admin.request('PUT', '/api/v1/monitoring/settings/income-lines', { province: '52', year: 2025, yuan: 9000, source: '测试：省2025年监测标准文件' });
    expect(y2025.status).toBe(200);
    expect((await admin.request('PUT', '/api/v1/monitoring/settings/income-lines', { province: '52', year: 2024, yuan: 8800, source: '测试：省2024年监测标准文件' })).status).toBe(200);
    expect(await incomeLineOn(db(), TOWNSHIP_A, '2024-07-01')).toEqual({ yuan: 8800, year: 2024, source: '测试：省2024年监测标准文件', jurisdiction: '52' });
    expect(await incomeLineOn(db(), TOWNSHIP_A, '2025-03-01')).toMatchObject({ yuan: 9000, year: 2025 });
    // Until the province sets 2026's, the 2025 line stays in force, and says which year it is.
    expect(await incomeLineOn(db(), TOWNSHIP_A, '2026-06-01')).toMatchObject({ yuan: 9000, year: 2025 });
    expect(await incomeLineOn(db(), '14', '2025-03-01')).toMatchObject({ yuan: 8700, year: 2024 });
    const shown = await clerk.request('GET', `/api/v1/monitoring/settings?on=2024-07-01`);
    expect(shown.body).toMatchObject({ division: TOWNSHIP_A, on: '2024-07-01', incomeLine: { yuan: 8800, year: 2024 } });
    const list = await clerk.request('GET', '/api/v1/monitoring/settings/income-lines');
    expect(list.body.items).toEqual([
      { province: '52', provinceName: '贵州省', year: 2025, yuan: 9000, source: '测试：省2025年监测标准文件' },
      { province: '52', provinceName: '贵州省', year: 2024, yuan: 8800, source: '测试：省2024年监测标准文件' },
    ]);
    const audit = await db().selectFrom('audit_log').select(['entity_id', 'before', 'after']).where('entity_id', '=', 'monitoring.income_line:52:2024').executeTakeFirstOrThrow();
    expect(audit.before).toMatchObject({ value: { yuan: 8700 } });
    expect(audit.after).toMatchObject({ value: { yuan: 8800 }, effectiveFrom: '2024-01-01' });
  });

  it("dates a county's thresholds and deadlines, leaving other counties on the national ones", async () => {
    const res = await countyAdmin.request('PUT', '/api/v1/monitoring/settings/thresholds', { ...THRESHOLDS, effectiveFrom: '2026-07-01', source: '测试：县监测办法' });
    expect(res.status).toBe(200);
    expect(res.body.history.map((h: { jurisdiction: string; effectiveFrom: string }) => [h.jurisdiction, h.effectiveFrom])).toEqual([['', '2021-01-01'], [COUNTY, '2026-07-01']]);
    expect(res.body.inForce).toMatchObject({ jurisdiction: '', value: { incomeDropShare: 0.3 } }); // not yet: today is 2026-06-01
    expect((await monitoringThresholds(db(), TOWNSHIP_A, '2026-06-30')).incomeDropShare).toBe(0.3);
    expect(await monitoringThresholds(db(), TOWNSHIP_A, '2026-07-01')).toEqual(THRESHOLDS);
    expect((await monitoringThresholds(db(), '520601', '2026-07-01')).incomeDropShare).toBe(0.3);

    expect((await countyAdmin.request('PUT', '/api/v1/monitoring/settings/deadlines', { ...DEADLINES, effectiveFrom: '2026-01-01', source: '测试：县识别程序' })).status).toBe(200);
    expect(await monitoringDeadlines(db(), TOWNSHIP_A, '2026-03-01')).toEqual(DEADLINES);
    const shown = await clerk.request('GET', '/api/v1/monitoring/settings');
    expect(shown.body.deadlines).toMatchObject({ jurisdiction: COUNTY, effectiveFrom: '2026-01-01', source: '测试：县识别程序', value: DEADLINES });
    const audit = await db().selectFrom('audit_log').select(['username', 'division_code']).where('entity_id', '=', `monitoring.deadlines:${COUNTY}`).execute();
    expect(audit).toEqual([{ username: 'ms-admin-county', division_code: COUNTY }]);
  });

  it('refuses bad input, naming the field', async () => {
    const put = (path: string, body: object) => admin.request('PUT', `/api/v1/monitoring/settings/${path}`, body);
    const line = { province: '52', year: 2026, yuan: 9500, source: '测试' };
    const cases: [string, object, string, string][] = [
      ['income-lines', { ...line, yuan: -1 }, 'yuan', '监测收入标准须大于0'],
      ['income-lines', { ...line, province: '5201' }, 'province', '省份须为2位省级区划代码'],
      ['income-lines', { ...line, province: '99' }, 'province', '不是有效的省级区划代码'],
      ['income-lines', { ...line, source: ' ' }, 'source', '请填写依据（文件名称和文号）'],
      ['thresholds', { ...THRESHOLDS, incomeDropShare: 1.5, effectiveFrom: '2026-01-01', source: '测试' }, 'incomeDropShare', '收入降幅预警比例不能超过1'],
      ['thresholds', { ...THRESHOLDS, effectiveFrom: '2026-13-01', source: '测试' }, 'effectiveFrom', '生效日期须为日期（YYYY-MM-DD）'],
      ['thresholds', { ...THRESHOLDS, effectiveFrom: '2019-01-01', source: '测试' }, 'effectiveFrom', '生效日期不早于2021年（过渡期开始）'],
      ['deadlines', { ...DEADLINES, whole: 12, effectiveFrom: '2026-01-01', source: '测试' }, 'whole', '识别全流程期限不能短于入户核实、乡级审核、县级审批期限之和'],
      ['deadlines', { ...DEADLINES, noticeDays: 3, effectiveFrom: '2026-01-01', source: '测试' }, 'noticeDays', '公示天数不少于5天'],
    ];
    for (const [path, body, field, message] of cases) {
      const res = await put(path, body);
      expect(res.status, field).toBe(400);
      expect(res.body.details, field).toContainEqual({ path: field, message });
    }
    expect(await incomeLineOn(db(), TOWNSHIP_A, '2026-06-01')).toMatchObject({ year: 2025 }); // nothing written
  });

  it('lets only administrators change them, inside their own division', async () => {
    const thresholds = { ...THRESHOLDS, effectiveFrom: '2026-01-01', source: '测试' };
    const byClerk = await clerk.request('PUT', '/api/v1/monitoring/settings/thresholds', thresholds);
    expect(byClerk.status).toBe(403);
    expect(byClerk.body.message).toBe('仅系统管理员可修改监测预警阈值');
    expect((await clerk.request('PUT', '/api/v1/monitoring/settings/income-lines', { province: '52', year: 2026, yuan: 9500, source: '测试' })).status).toBe(403);
    // A county's administrator cannot set the province's line or another county's values.
    expect((await countyAdmin.request('PUT', '/api/v1/monitoring/settings/income-lines', { province: '52', year: 2026, yuan: 9500, source: '测试' })).status).toBe(403);
    expect((await countyAdmin.request('PUT', '/api/v1/monitoring/settings/deadlines', { ...DEADLINES, effectiveFrom: '2026-01-01', source: '测试', jurisdiction: '520601' })).status).toBe(403);
    expect((await clerk.request('GET', '/api/v1/monitoring/settings?division=14')).status).toBe(403);
    expect((await clerk.request('GET', '/api/v1/monitoring/settings/thresholds')).status).toBe(200);
  });
});
