/**
 * Issue 13.9: a division outside the caller's own is refused on every employment read and write,
 * exactly as a missing one (404, the same answer the other features give), never silently
 * replaced by the caller's own division.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import type { Actor } from '../../src/platform/actor.js';
import { createSite } from '../../src/features/sites/site-service.js';
import { createHousehold } from '../../src/features/households/household-service.js';
import { createPerson } from '../../src/features/persons/person-service.js';
import { openPeriod } from '../../src/features/employment/ledger-service.js';
import { createTestDatabase, testContext, type TestDatabase } from '../test-database.js';
import { addUser, login, type ApiSession } from '../api-client.js';
import { buildHousehold, buildPerson, buildSite, COUNTY, idNumberFor, TOWNSHIP_A, TOWNSHIP_B } from '../factories.js';

const PERIOD = '2026-05';
const county: Actor = { userId: null, username: 'scope-setup', role: 'admin', divisionCode: COUNTY, department: null };

let tdb: TestDatabase;
let app: FastifyInstance;
let clerkA: ApiSession;

async function peopleIn(division: string, count: number): Promise<void> {
  const site = await createSite(ctx(), county, buildSite({ divisionCode: division }));
  const household = await createHousehold(ctx(), county, buildHousehold(Number(site.id)));
  for (let i = 0; i < count; i++) {
    await createPerson(ctx(), county, buildPerson(Number(household.id), { relation: i === 0 ? 'head' : 'son', idNumber: idNumberFor(`198${i}-03-0${i + 1}`) }));
  }
}

let context: ReturnType<typeof testContext>;
const ctx = () => context;

beforeAll(async () => {
  tdb = await createTestDatabase();
  context = testContext(tdb.database);
  app = await buildApp(context);
  await peopleIn(TOWNSHIP_A, 2);
  await peopleIn(TOWNSHIP_B, 3);
  await openPeriod(context, county, COUNTY, PERIOD);
  await addUser(context, 'scope-clerk-a', 'clerk', TOWNSHIP_A);
  clerkA = await login(app, 'scope-clerk-a');
});
afterAll(async () => {
  await app.close();
  await tdb.close();
});

async function unconfirmed(division: string): Promise<number> {
  const r = await tdb.database.db
    .selectFrom('labour_record')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('period', '=', PERIOD)
    .where('confirmed', '=', false)
    .where('dest_division_code', 'like', `${division}%`)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

const refused = (res: { status: number; body: { code?: string } }) => {
  expect(res.status, JSON.stringify(res.body)).toBe(404);
  expect(res.body.code).toBe('NOT_FOUND');
};

describe('13.9 employment: out of scope is a refusal, never the caller’s own division', () => {
  it('confirming another township’s records is refused and confirms nothing, not the clerk’s own records', async () => {
    const ownBefore = await unconfirmed(TOWNSHIP_A);
    const otherBefore = await unconfirmed(TOWNSHIP_B);
    expect(ownBefore).toBeGreaterThan(0);
    expect(otherBefore).toBeGreaterThan(0);
    for (const divisionCode of [TOWNSHIP_B, COUNTY, `${TOWNSHIP_B}001`]) {
      refused(await clerkA.request('POST', '/api/v1/employment/confirmations', { period: PERIOD, divisionCode }));
    }
    expect(await unconfirmed(TOWNSHIP_A)).toBe(ownBefore);
    expect(await unconfirmed(TOWNSHIP_B)).toBe(otherBefore);
  });

  it('reads of another division (figures, trend, records, dispatch report, zero-employment list) are refused', async () => {
    const q = `divisionCode=${TOWNSHIP_B}`;
    for (const url of [
      `/api/v1/employment/figures?${q}&period=${PERIOD}`,
      `/api/v1/employment/trend?${q}`,
      `/api/v1/employment/records?${q}&period=${PERIOD}`,
      `/api/v1/employment/dispatch-report?${q}&period=${PERIOD}`,
      `/api/v1/employment/zero-households?${q}&period=${PERIOD}`,
      `/api/v1/training/figures?${q}`,
      `/api/v1/welfare-posts/figures?${q}`,
    ]) {
      const res = await clerkA.request('GET', url);
      expect(res.status, url).toBe(404);
      expect(res.body.code, url).toBe('NOT_FOUND');
    }
  });

  it('the caller’s own division, asked for or left out, still answers', async () => {
    const figures = await clerkA.request('GET', `/api/v1/employment/figures?period=${PERIOD}`);
    expect(figures.status).toBe(200);
    expect(figures.body.divisionCode).toBe(TOWNSHIP_A);
    const records = await clerkA.request('GET', `/api/v1/employment/records?divisionCode=${TOWNSHIP_A}&period=${PERIOD}`);
    expect(records.status).toBe(200);
    expect(records.body.total).toBe(await unconfirmed(TOWNSHIP_A));
    const confirmed = await clerkA.request('POST', '/api/v1/employment/confirmations', { period: PERIOD, divisionCode: TOWNSHIP_A });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.confirmed).toBeGreaterThan(0);
    expect(await unconfirmed(TOWNSHIP_A)).toBe(0);
    expect(await unconfirmed(TOWNSHIP_B)).toBeGreaterThan(0);
  });
});
