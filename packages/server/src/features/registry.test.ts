import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { createTestDatabase, testContext, type TestDatabase } from '../../test/test-database.js';
import { addUser, login, type ApiSession } from '../../test/api-client.js';
import { buildHousehold, buildPerson, buildSite, COUNTY, idNumberFor, TOWNSHIP_A } from '../../test/factories.js';

let tdb: TestDatabase;
let app: FastifyInstance;
let clerk: ApiSession;

beforeAll(async () => {
  tdb = await createTestDatabase();
  const ctx = testContext(tdb.database);
  app = await buildApp(ctx);
  await addUser(ctx, 'reg-clerk', 'clerk', TOWNSHIP_A);
  clerk = await login(app, 'reg-clerk');
});
afterAll(async () => {
  await app.close();
  await tdb.close();
});

async function household() {
  const site = await clerk.request('POST', '/api/v1/sites', buildSite());
  expect(site.status).toBe(201);
  const hh = await clerk.request('POST', '/api/v1/households', buildHousehold(Number(site.body.id)));
  expect(hh.status).toBe(201);
  return hh.body;
}

describe('registry', () => {
  it('derives birth date and sex from the ID number and masks it in lists', async () => {
    const hh = await household();
    const id = idNumberFor('1980-05-17', 'F');
    const res = await clerk.request('POST', '/api/v1/persons', buildPerson(Number(hh.id), { idNumber: id }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ birthDate: '1980-05-17', sex: 'F', masked: true, idNumber: `${id.slice(0, 4)}*************${id.slice(-1)}` });
    expect(res.body.phone).toBe('138****8000');
  });

  it('stores the facts a request leaves out as unknown, and an update that leaves them out keeps them', async () => {
    const hh = await household();
    const idNumber = idNumberFor('1979-09-09');
    const created = await clerk.request('POST', '/api/v1/persons', { householdId: Number(hh.id), idNumber, name: '未填者', relation: 'head', labourCapacity: 'ordinary' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ ethnicity: null, education: null, health: null, medicalInsurance: null, pensionInsurance: null, safetyNet: null, hukouState: null, skills: [] });
    const url = `/api/v1/persons/${created.body.id}`;
    const set = await clerk.request('PUT', url, { householdId: Number(hh.id), idNumber, name: '未填者', relation: 'head', labourCapacity: 'ordinary', version: created.body.version, ethnicity: '苗族', medicalInsurance: false });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    const base = { householdId: Number(hh.id), name: '已填者', relation: 'head', labourCapacity: 'skilled', version: set.body.version };
    const kept = await clerk.request('PUT', url, { ...base, idNumber });
    expect(kept.status, JSON.stringify(kept.body)).toBe(200);
    expect(kept.body).toMatchObject({ name: '已填者', labourCapacity: 'skilled', ethnicity: '苗族', medicalInsurance: false, health: null });
    const erased = await clerk.request('PUT', url, { ...base, idNumber, version: kept.body.version, medicalInsurance: null });
    expect(erased.body).toMatchObject({ ethnicity: '苗族', medicalInsurance: null });
  });

  it('rejects a sex or birth date that contradicts the ID number, naming the field', async () => {
    const hh = await household();
    const res = await clerk.request('POST', '/api/v1/persons', buildPerson(Number(hh.id), { idNumber: idNumberFor('1980-05-17', 'F'), sex: 'M', birthDate: '1981-01-01' }));
    expect(res.status).toBe(400);
    expect(res.body.details.map((d: { path: string }) => d.path).sort()).toEqual(['birthDate', 'sex']);
    expect(res.body.message).toContain('性别与身份证号不符');
  });

  it('rejects a bad check digit with a Chinese reason', async () => {
    const hh = await household();
    const good = idNumberFor('1975-03-03');
    const bad = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
    const res = await clerk.request('POST', '/api/v1/persons', buildPerson(Number(hh.id), { idNumber: bad }));
    expect(res.status).toBe(400);
    expect(res.body.details[0]).toMatchObject({ path: 'idNumber' });
    expect(res.body.details[0].message).toContain('校验位错误');
  });

  it('refuses the same person in a second household and names both households', async () => {
    const first = await household();
    const second = await household();
    const person = buildPerson(Number(first.id));
    expect((await clerk.request('POST', '/api/v1/persons', person)).status).toBe(201);
    const res = await clerk.request('POST', '/api/v1/persons', { ...person, householdId: Number(second.id) });
    expect(res.status).toBe(409);
    expect(res.body.message).toContain(first.householdNo);
    expect(res.body.message).toContain(second.householdNo);
    const members = await clerk.request('GET', `/api/v1/persons?householdId=${second.id}`);
    expect(members.body.total).toBe(0);
  });

  it('answers a stale version with 409 and the current record, writing nothing', async () => {
    const hh = await household();
    const created = (await clerk.request('POST', '/api/v1/persons', buildPerson(Number(hh.id), { name: '原名' }))).body;
    const input = buildPerson(Number(hh.id), { idNumber: (await clerk.request('POST', `/api/v1/persons/${created.id}/sensitive`)).body.idNumber });
    const first = await clerk.request('PUT', `/api/v1/persons/${created.id}`, { ...input, name: '甲改', version: created.version });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(created.version + 1);
    const stale = await clerk.request('PUT', `/api/v1/persons/${created.id}`, { ...input, name: '乙改', version: created.version });
    expect(stale.status).toBe(409);
    expect(stale.body.current).toMatchObject({ name: '甲改', version: created.version + 1 });
    expect((await clerk.request('GET', `/api/v1/persons/${created.id}`)).body.name).toBe('甲改');
  });

  it('shows a household its members and its change history from the audit log', async () => {
    const hh = await household();
    const p = (await clerk.request('POST', '/api/v1/persons', buildPerson(Number(hh.id), { name: '张三' }))).body;
    const full = (await clerk.request('POST', `/api/v1/persons/${p.id}/sensitive`)).body.idNumber;
    await clerk.request('PUT', `/api/v1/persons/${p.id}`, { ...buildPerson(Number(hh.id), { idNumber: full, name: '张三丰' }), version: p.version });
    const detail = await clerk.request('GET', `/api/v1/households/${hh.id}`);
    expect(detail.body.memberList.map((m: { name: string }) => m.name)).toEqual(['张三丰']);
    expect(detail.body.headName).toBe('张三丰');
    const history = await clerk.request('GET', `/api/v1/households/${hh.id}/history`);
    const rename = history.body.find((e: { action: string; entity: string }) => e.action === 'update' && e.entity === 'person');
    expect(rename.changes).toContainEqual({ field: 'name', before: '张三', after: '张三丰' });
    // The unmasked read is itself in the history, as an audited action.
    expect(history.body.some((e: { action: string }) => e.action === 'unmask')).toBe(true);
  });

  it('derives the labour force from age, capacity and schooling (ages are a setting)', async () => {
    const hh = await household();
    const adult = buildPerson(Number(hh.id), { idNumber: idNumberFor('1990-01-01'), relation: 'head' });
    const student = buildPerson(Number(hh.id), { idNumber: idNumberFor('2008-01-01'), relation: 'son', schoolStage: 'senior' });
    const lost = buildPerson(Number(hh.id), { idNumber: idNumberFor('1985-01-01', 'F'), relation: 'spouse', labourCapacity: 'lost' });
    const old = buildPerson(Number(hh.id), { idNumber: idNumberFor('1960-01-01'), relation: 'parent' });
    for (const p of [adult, student, lost, old]) expect((await clerk.request('POST', '/api/v1/persons', p)).status).toBe(201);
    const list = await clerk.request('GET', `/api/v1/persons?householdId=${hh.id}&labourForce=true`);
    expect(list.body.total).toBe(1);
    expect(list.body.items[0].birthDate).toBe('1990-01-01');
    const all = await clerk.request('GET', `/api/v1/persons?householdId=${hh.id}`);
    expect(all.body.items.filter((p: { labourForce: boolean }) => p.labourForce)).toHaveLength(1);
  });

  it('refuses a site outside the user’s division and an unknown division code', async () => {
    const outside = await clerk.request('POST', '/api/v1/sites', buildSite({ divisionCode: `${COUNTY}101` }));
    expect(outside.status).toBe(400);
    expect(outside.body.details[0].path).toBe('divisionCode');
    const unknown = await clerk.request('POST', '/api/v1/sites', buildSite({ divisionCode: `${TOWNSHIP_A}999` }));
    expect(unknown.status).toBe(400);
  });

  it('pages and sorts server-side', async () => {
    const hh = await household();
    for (const name of ['丙', '甲', '乙']) {
      await clerk.request('POST', '/api/v1/persons', buildPerson(Number(hh.id), { name, relation: name === '丙' ? 'head' : 'son' }));
    }
    const page1 = await clerk.request('GET', `/api/v1/persons?householdId=${hh.id}&sort=name&pageSize=2`);
    const page2 = await clerk.request('GET', `/api/v1/persons?householdId=${hh.id}&sort=name&pageSize=2&page=2`);
    expect(page1.body.total).toBe(3);
    expect([...page1.body.items, ...page2.body.items].map((p: { name: string }) => p.name)).toEqual(['丙', '乙', '甲'].sort());
  });

  it('deletes only an empty site', async () => {
    const hh = await household();
    const site = (await clerk.request('GET', `/api/v1/sites/${hh.siteId}`)).body;
    const refused = await clerk.request('DELETE', `/api/v1/sites/${site.id}?version=${site.version}`);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('仍有 1 户');
    const empty = (await clerk.request('POST', '/api/v1/sites', buildSite())).body;
    expect((await clerk.request('DELETE', `/api/v1/sites/${empty.id}?version=${empty.version}`)).status).toBe(204);
    expect((await clerk.request('GET', `/api/v1/sites/${empty.id}`)).status).toBe(404);
  });

  it('lets an administrator change the labour-force ages from a date, and the lists follow', async () => {
    const hh = await household();
    await clerk.request('POST', '/api/v1/persons', buildPerson(Number(hh.id), { idNumber: idNumberFor('1964-01-01'), relation: 'head' }));
    const before = await clerk.request('GET', `/api/v1/persons?householdId=${hh.id}&labourForce=true`);
    expect(before.body.total).toBe(0); // 62 on the test clock's date: past the default 60
    expect((await clerk.request('PUT', '/api/v1/settings/labour-force', { minAge: 16, maxAge: 65, effectiveFrom: '2026-01-01', source: '测试' })).status).toBe(403);
    await addUser(testContext(tdb.database), 'reg-admin', 'admin', COUNTY);
    const admin = await login(app, 'reg-admin');
    const bad = await admin.request('PUT', '/api/v1/settings/labour-force', { minAge: 16, maxAge: 15, effectiveFrom: '2026-01-01', source: '测试' });
    expect(bad.status).toBe(400);
    const set = await admin.request('PUT', '/api/v1/settings/labour-force', { minAge: 16, maxAge: 65, effectiveFrom: '2026-01-01', source: '县人社局文件（测试）' });
    expect(set.body).toMatchObject({ minAge: 16, maxAge: 65 });
    const after = await clerk.request('GET', `/api/v1/persons?householdId=${hh.id}&labourForce=true`);
    expect(after.body.total).toBe(1);
  });
});
