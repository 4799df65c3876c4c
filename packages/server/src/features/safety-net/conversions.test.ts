/**
 * 低保/特困城乡转换 through the API: who may work on them first, then the candidates, a due date
 * counted across the 2025 National Day holidays and their 调休 working weekends, completion
 * changing the person's safety net (audited), cancellation, stale versions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.js';
import { createTestDatabase, testContext, type TestDatabase } from '../../../test/test-database.js';
import { addUser, login, type ApiSession } from '../../../test/api-client.js';
import { buildHousehold, buildPerson, buildSite, COUNTY, TOWNSHIP_A } from '../../../test/factories.js';

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let app: FastifyInstance;
const as: Record<string, ApiSession> = {};
const people: Record<string, string> = {};

async function personAt(key: string, areaKind: 'urban' | 'rural', safetyNet: string) {
  const site = await as.monitor!.request('POST', '/api/v1/sites', buildSite({ areaKind, divisionCode: TOWNSHIP_A }));
  const hh = await as.monitor!.request('POST', '/api/v1/households', buildHousehold(Number(site.body.id)));
  const p = await as.monitor!.request('POST', '/api/v1/persons', buildPerson(Number(hh.body.id), { safetyNet: safetyNet as never }));
  expect(p.status, JSON.stringify(p.body)).toBe(201);
  people[key] = p.body.id;
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  ctx = testContext(tdb.database); // 2026-06-01
  app = await buildApp(ctx);
  await addUser(ctx, 'sn-monitor', 'monitor', COUNTY);
  await addUser(ctx, 'sn-civil', 'department', COUNTY, 'civil_affairs');
  await addUser(ctx, 'sn-hrss', 'department', COUNTY, 'hrss');
  await addUser(ctx, 'sn-clerk', 'clerk', TOWNSHIP_A);
  await addUser(ctx, 'sn-leader', 'leader', COUNTY);
  await addUser(ctx, 'sn-outsider', 'monitor', '520627');
  for (const u of ['monitor', 'civil', 'hrss', 'clerk', 'leader', 'outsider']) as[u] = await login(app, `sn-${u}`);
  await personAt('dibao', 'urban', 'dibao_rural');
  await personAt('tekun', 'urban', 'tekun_rural');
  await personAt('ruralSite', 'rural', 'dibao_rural');
  await personAt('urbanAlready', 'urban', 'dibao_urban');
});

afterAll(async () => {
  await app?.close();
  await tdb?.close();
});

const candidates = async (who = 'civil') => {
  const res = await as[who]!.request('GET', '/api/v1/monitoring/conversions/candidates');
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { total: number; items: { personId: string; idNumber: string; safetyNet: string; toState: string; name: string }[] };
};

describe('who works on conversions', () => {
  it('refuses other departments, township clerks and leaders', async () => {
    for (const who of ['hrss', 'clerk', 'leader']) {
      expect((await as[who]!.request('GET', '/api/v1/monitoring/conversions/candidates')).status).toBe(403);
      expect((await as[who]!.request('POST', '/api/v1/monitoring/conversions', { personId: people.dibao, confirmedOn: '2026-05-20' })).status).toBe(403);
    }
  });

  it('shows a monitor of another county nothing here', async () => {
    expect((await candidates('outsider')).total).toBe(0);
    expect((await as.outsider!.request('GET', `/api/v1/monitoring/conversions?division=${COUNTY}`)).status).toBe(404);
    const res = await as.outsider!.request('POST', '/api/v1/monitoring/conversions', { personId: people.dibao, confirmedOn: '2026-05-20' });
    expect(res.status).toBe(400);
  });
});

describe('conversions', () => {
  it('lists rural recipients living at urban sites, ID numbers masked', async () => {
    const list = await candidates();
    expect(list.items.map((c) => c.personId).sort()).toEqual([people.dibao, people.tekun].sort());
    const dibao = list.items.find((c) => c.personId === people.dibao)!;
    expect(dibao).toMatchObject({ safetyNet: 'dibao_rural', toState: 'dibao_urban' });
    expect(dibao.idNumber).toMatch(/^\d{4}\*{13}[\dX]$/);
  });

  it('is due 30 working days after confirmation, counted across the National Day holidays', async () => {
    // From Fri 26 Sep 2025: 28 Sep (Sun, 调休) 1, 29–30 Sep 2–3, 1–8 Oct off, 9–10 Oct 4–5,
    // 11 Oct (Sat, 调休) 6, then five-day weeks: 13–17 Oct 7–11, 20–24 12–16, 27–31 17–21,
    // 3–7 Nov 22–26, 10–13 Nov 27–30.
    const res = await as.civil!.request('POST', '/api/v1/monitoring/conversions', { personId: people.dibao, confirmedOn: '2025-09-26', note: '民政局确认' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ personId: people.dibao, fromState: 'dibao_rural', toState: 'dibao_urban', confirmedOn: '2025-09-26', dueOn: '2025-11-13', status: 'pending', overdue: true, version: 1 });
    expect(res.body.idNumber).toContain('*');
    expect((await candidates()).items.map((c) => c.personId)).toEqual([people.tekun]);
    const again = await as.civil!.request('POST', '/api/v1/monitoring/conversions', { personId: people.dibao, confirmedOn: '2025-09-26' });
    expect(again.status).toBe(400);
    const future = await as.civil!.request('POST', '/api/v1/monitoring/conversions', { personId: people.tekun, confirmedOn: '2026-06-02' });
    expect(future.status).toBe(400);
    const notCandidate = await as.civil!.request('POST', '/api/v1/monitoring/conversions', { personId: people.ruralSite, confirmedOn: '2026-05-20' });
    expect(notCandidate.status).toBe(400);
  });

  it('lists conversions with the overdue ones', async () => {
    const fresh = await as.monitor!.request('POST', '/api/v1/monitoring/conversions', { personId: people.tekun, confirmedOn: '2026-05-29' });
    expect(fresh.status, JSON.stringify(fresh.body)).toBe(201);
    expect(fresh.body).toMatchObject({ overdue: false, toState: 'tekun_urban' });
    const overdue = await as.monitor!.request('GET', `/api/v1/monitoring/conversions?division=${TOWNSHIP_A}&overdue=true`);
    expect(overdue.body.items.map((c: { personId: string }) => c.personId)).toEqual([people.dibao]);
    const pending = await as.monitor!.request('GET', '/api/v1/monitoring/conversions?status=pending');
    expect(pending.body.total).toBe(2);
  });

  it('completes a conversion: the person’s safety net becomes urban, its version moves, both audited', async () => {
    const [current] = (await as.civil!.request('GET', '/api/v1/monitoring/conversions?overdue=true')).body.items;
    const before = await as.monitor!.request('GET', `/api/v1/persons/${people.dibao}`);
    expect(before.body.safetyNet).toBe('dibao_rural');
    const early = await as.civil!.request('POST', `/api/v1/monitoring/conversions/${current.id}/complete`, { completedOn: '2025-09-25', version: 1 });
    expect(early.status).toBe(400);
    const stale = await as.civil!.request('POST', `/api/v1/monitoring/conversions/${current.id}/complete`, { completedOn: '2026-05-30', version: 2 });
    expect(stale.status).toBe(409);
    const done = await as.civil!.request('POST', `/api/v1/monitoring/conversions/${current.id}/complete`, { completedOn: '2026-05-30', version: 1 });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body).toMatchObject({ status: 'completed', completedOn: '2026-05-30', overdue: false, version: 2 });
    const after = await as.monitor!.request('GET', `/api/v1/persons/${people.dibao}`);
    expect(after.body.safetyNet).toBe('dibao_urban');
    expect(after.body.version).toBe(before.body.version + 1);
    const { rows } = await tdb.database.pool.query(
      `SELECT entity, action, before, after FROM audit_log WHERE (entity = 'person' AND entity_id = $1 AND action = 'update') OR (entity = 'safety_net_conversion' AND entity_id = $2) ORDER BY id`,
      [people.dibao, current.id],
    );
    expect(rows.map((r) => `${r.entity}:${r.action}`)).toEqual(['safety_net_conversion:create', 'safety_net_conversion:complete', 'person:update']);
    expect(rows[2]).toMatchObject({ before: { safetyNet: 'dibao_rural' }, after: { safetyNet: 'dibao_urban' } });
    expect((await as.civil!.request('POST', `/api/v1/monitoring/conversions/${current.id}/cancel`, { reason: '录入错误', version: 2 })).status).toBe(409);
  });

  it('cancels a conversion with its reason; the person is a candidate again', async () => {
    const pending = (await as.civil!.request('GET', '/api/v1/monitoring/conversions?status=pending')).body.items[0];
    expect(pending.personId).toBe(people.tekun);
    const short = await as.civil!.request('POST', `/api/v1/monitoring/conversions/${pending.id}/cancel`, { reason: '错', version: 1 });
    expect(short.status).toBe(400);
    const res = await as.civil!.request('POST', `/api/v1/monitoring/conversions/${pending.id}/cancel`, { reason: '本人已迁回原籍', version: 1 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'cancelled', note: '撤销原因：本人已迁回原籍' });
    expect((await candidates()).items.map((c) => c.personId)).toEqual([people.tekun]);
    const person = await as.monitor!.request('GET', `/api/v1/persons/${people.tekun}`);
    expect(person.body.safetyNet).toBe('tekun_rural');
  });
});
