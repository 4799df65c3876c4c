/**
 * Opening a period in every county of a division at once (a province's 月调度 starting): each
 * county not yet open is opened as it would be on its own, a county that cannot open is reported
 * with the reason while the others open, and only staff of the division may do it.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.js';
import type { TestDatabase } from '../../../test/test-database.js';
import { demoTestDatabase } from '../../../test/demo-database.js';
import { addUser, login, type ApiSession } from '../../../test/api-client.js';

let tdb: TestDatabase;
let app: FastifyInstance;
let counties: string[];
let province: ApiSession;
let countyMonitor: ApiSession;
let clerk: ApiSession;

beforeAll(async () => {
  // Several small counties; the test clock stands at 2026-06-01.
  const demo = await demoTestDatabase({ persons: 900, seed: 7, countyCapacity: 300 });
  tdb = demo.tdb;
  const { rows } = await sql<{ county_code: string }>`SELECT DISTINCT county_code FROM household ORDER BY 1`.execute(demo.ctx.db);
  counties = rows.map((r) => r.county_code);
  app = await buildApp(demo.ctx);
  await addUser(demo.ctx, 'ev-province', 'admin', '52');
  await addUser(demo.ctx, 'ev-monitor', 'monitor', counties[0]!);
  await addUser(demo.ctx, 'ev-clerk', 'clerk', `${counties[0]!}001`);
  province = await login(app, 'ev-province');
  countyMonitor = await login(app, 'ev-monitor');
  clerk = await login(app, 'ev-clerk');
});

afterAll(async () => {
  await app?.close();
  await tdb?.close();
});

const openEverywhere = (as: ApiSession, divisionCode: string, period: string) =>
  as.request('POST', '/api/v1/employment/periods/everywhere', { divisionCode, period });

describe('opening a period in every county of a division', () => {
  it('opens each county not yet open, and reports the one that cannot open while the others do', async () => {
    expect(counties.length).toBeGreaterThan(2);
    // The first county is a month ahead: it cannot open the month before.
    expect((await countyMonitor.request('POST', '/api/v1/employment/periods', { period: '2026-05', countyCode: counties[0] })).status).toBe(201);

    const april = await openEverywhere(province, '52', '2026-04');
    expect(april.status, JSON.stringify(april.body)).toBe(200);
    expect(april.body.opened.map((o: { countyCode: string }) => o.countyCode)).toEqual(counties.slice(1));
    for (const o of april.body.opened) expect(o.records, o.countyCode).toBeGreaterThan(0);
    expect(april.body.failed).toEqual([{ countyCode: counties[0], message: expect.stringContaining('只能开启 2026-05 之后的期别') }]);

    // May: the first county has it already and is left alone; the others carry April forward.
    const may = await openEverywhere(province, '52', '2026-05');
    expect(may.body.opened).toEqual(counties.slice(1).map((countyCode) => ({ countyCode, carriedFrom: '2026-04', records: expect.any(Number) })));
    expect(may.body.failed).toEqual([]);
    expect((await openEverywhere(province, '52', '2026-05')).body).toEqual({ period: '2026-05', opened: [], failed: [] });
  });

  it('is for staff who open periods, inside their own division', async () => {
    expect((await openEverywhere(clerk, counties[0]!, '2026-05')).status).toBe(403);
    const outside = await openEverywhere(countyMonitor, '52', '2026-05');
    expect(outside.status).toBe(400);
    expect(outside.body.details[0]).toMatchObject({ path: 'divisionCode', message: '不在管辖范围内' });
    const future = await openEverywhere(province, '52', '2026-07');
    expect(future.status).toBe(400);
    expect(future.body.message).toContain('尚未到来');
  });
});
