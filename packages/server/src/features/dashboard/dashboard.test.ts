import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.js';
import { createTestDatabase, testContext, type TestDatabase } from '../../../test/test-database.js';
import { addUser, login, type ApiSession } from '../../../test/api-client.js';
import { buildHousehold, buildPerson, buildSite, COUNTY, idNumberFor, TOWNSHIP_A, TOWNSHIP_B } from '../../../test/factories.js';

let tdb: TestDatabase;
let app: FastifyInstance;
let monitor: ApiSession;
let clerkA: ApiSession;
let clerkB: ApiSession;
let admin: ApiSession;

async function household(clerk: ApiSession, township: string, kind: 'registered_poor' | 'synchronous', members: { birthDate: string; sex: 'M' | 'F'; labour?: 'ordinary' | 'lost'; student?: boolean }[]) {
  const site = await clerk.request('POST', '/api/v1/sites', buildSite({ divisionCode: township }));
  expect(site.status).toBe(201);
  const hh = await clerk.request('POST', '/api/v1/households', buildHousehold(Number(site.body.id), { kind }));
  expect(hh.status).toBe(201);
  for (const [i, m] of members.entries()) {
    const res = await clerk.request(
      'POST',
      '/api/v1/persons',
      buildPerson(Number(hh.body.id), {
        idNumber: idNumberFor(m.birthDate, m.sex),
        relation: i === 0 ? 'head' : 'son',
        labourCapacity: m.labour ?? 'ordinary',
        schoolStage: m.student ? 'university' : 'none',
      }),
    );
    expect(res.status).toBe(201);
  }
  return { siteId: site.body.id as string, householdId: hh.body.id as string };
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  const ctx = testContext(tdb.database); // today is 2026-06-01
  app = await buildApp(ctx);
  await addUser(ctx, 'dash-monitor', 'monitor', COUNTY);
  await addUser(ctx, 'dash-clerk-a', 'clerk', TOWNSHIP_A);
  await addUser(ctx, 'dash-clerk-b', 'clerk', TOWNSHIP_B);
  await addUser(ctx, 'dash-admin', 'admin', '');
  [monitor, clerkA, clerkB, admin] = await Promise.all([login(app, 'dash-monitor'), login(app, 'dash-clerk-a'), login(app, 'dash-clerk-b'), login(app, 'dash-admin')]);
  // Township A: a registered-poor household of 3 (a worker, a student, a worker who lost capacity)
  await household(clerkA, TOWNSHIP_A, 'registered_poor', [
    { birthDate: '1980-05-17', sex: 'M' },
    { birthDate: '2005-01-01', sex: 'F', student: true },
    { birthDate: '1975-03-03', sex: 'M', labour: 'lost' },
  ]);
  // Township B: one 同步搬迁户 of 2 (a worker aged 61 on the reference date is outside 16–60)
  await household(clerkB, TOWNSHIP_B, 'synchronous', [
    { birthDate: '1990-07-07', sex: 'F' },
    { birthDate: '1965-01-01', sex: 'M' },
  ]);
});
afterAll(async () => {
  await app.close();
  await tdb.close();
});

describe('dashboard access', () => {
  it('treats a division outside the user scope as not found', async () => {
    const res = await clerkA.request('GET', `/api/v1/dashboard?divisionCode=${TOWNSHIP_B}`);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
    expect(JSON.stringify(res.body)).not.toContain('households');
  });

  it('treats a division above the user as not found', async () => {
    const res = await clerkA.request('GET', `/api/v1/dashboard?divisionCode=${COUNTY}`);
    expect(res.status).toBe(404);
  });

  it('rejects a malformed division code with a Chinese message', async () => {
    const res = await monitor.request('GET', '/api/v1/dashboard?divisionCode=5206281');
    expect(res.status).toBe(400);
    expect(res.body.message).toContain('行政区划代码');
  });
});

describe('dashboard figures', () => {
  it('defaults to the home division and counts only inside it', async () => {
    const res = await clerkA.request('GET', '/api/v1/dashboard');
    expect(res.status).toBe(200);
    expect(res.body.divisionCode).toBe(TOWNSHIP_A);
    expect(res.body.totals).toEqual({ sites: 1, households: 1, registeredPoorHouseholds: 1, people: 3, registeredPoorPeople: 3, labourForce: 1 });
    expect(res.body.employment).toBeNull();
  });

  it('adds up the townships for the county and lists them as children', async () => {
    const res = await monitor.request('GET', `/api/v1/dashboard?divisionCode=${COUNTY}`);
    expect(res.status).toBe(200);
    expect(res.body.totals).toEqual({ sites: 2, households: 2, registeredPoorHouseholds: 1, people: 5, registeredPoorPeople: 3, labourForce: 2 });
    expect(res.body.byKind).toEqual([
      { kind: 'registered_poor', households: 1, people: 3 },
      { kind: 'synchronous', households: 1, people: 2 },
    ]);
    expect(res.body.children.map((c: { code: string; people: number }) => [c.code, c.people])).toEqual([
      [TOWNSHIP_A, 3],
      [TOWNSHIP_B, 2],
    ]);
    expect(res.body.children[0].name).toBeTruthy();
  });

  it('builds a five-year age pyramid by sex on the reference date', async () => {
    const res = await monitor.request('GET', `/api/v1/dashboard?divisionCode=${COUNTY}`);
    const band = (from: number) => res.body.ageBands.find((b: { from: number }) => b.from === from);
    expect(res.body.ageBands).toHaveLength(17);
    expect(band(20)).toMatchObject({ to: 24, male: 0, female: 1 }); // born 2005, 21
    expect(band(35)).toMatchObject({ male: 0, female: 1 }); // born 1990, 35
    expect(band(45)).toMatchObject({ male: 1 }); // born 1980, 46
    expect(band(50)).toMatchObject({ male: 1 }); // born 1975, 51
    expect(band(60)).toMatchObject({ male: 1 }); // born 1965, 61
    expect(band(80)).toMatchObject({ to: null });
  });

  it('shades the province map by city, limited to what the user may see', async () => {
    const res = await clerkB.request('GET', '/api/v1/dashboard');
    expect(res.body.map).toMatchObject({ level: 'province', provinceCode: '52', areaCodeLength: 4 });
    expect(res.body.map.areas).toEqual([expect.objectContaining({ code: '5206', people: 2, households: 1, sites: 1 })]);
    // A county user looking at one township still sees the whole county on the map.
    const township = await monitor.request('GET', `/api/v1/dashboard?divisionCode=${TOWNSHIP_A}`);
    expect(township.body.totals.people).toBe(3);
    expect(township.body.map.areas).toEqual([expect.objectContaining({ code: '5206', name: '铜仁市', people: 5, households: 2, sites: 2 })]);
  });

  it('shows the country by province to a national administrator', async () => {
    const res = await admin.request('GET', '/api/v1/dashboard');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ divisionCode: '', divisionName: '全国', divisionLevel: 0 });
    expect(res.body.totals.people).toBe(5);
    expect(res.body.children).toEqual([expect.objectContaining({ code: '52', name: '贵州省', people: 5, households: 2, sites: 2 })]);
    expect(res.body.map).toMatchObject({ level: 'country', provinceCode: null, areaCodeLength: 2 });
    expect(res.body.map.areas).toEqual(res.body.children);
  });

  it('agrees with the lists the figures drill down to', async () => {
    const dash = await monitor.request('GET', `/api/v1/dashboard?divisionCode=${COUNTY}`);
    const persons = await monitor.request('GET', `/api/v1/persons?divisionCode=${COUNTY}&labourForce=true`);
    const poor = await monitor.request('GET', `/api/v1/persons?divisionCode=${COUNTY}&registeredPoor=true`);
    const households = await monitor.request('GET', `/api/v1/households?divisionCode=${COUNTY}`);
    const sites = await monitor.request('GET', `/api/v1/sites?divisionCode=${COUNTY}`);
    expect(persons.body.total).toBe(dash.body.totals.labourForce);
    expect(poor.body.total).toBe(dash.body.totals.registeredPoorPeople);
    expect(households.body.total).toBe(dash.body.totals.households);
    expect(sites.body.total).toBe(dash.body.totals.sites);
  });
});
