/**
 * Issue 13.7: the audit log must not hand out what the records themselves mask. A leader refused
 * incomes (403 on reveal=income) used to read monthlyIncome, birth dates and full ID numbers in
 * the before/after images of /audit and of a household's history; and an income unmask was filed
 * under the division asked for, not the divisions actually read.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LabourFacts } from '@anju/core';
import { buildApp } from '../../src/app.js';
import type { Actor } from '../../src/platform/actor.js';
import { openPeriod } from '../../src/features/employment/ledger-service.js';
import { createTestDatabase, testContext, type TestDatabase } from '../test-database.js';
import { addUser, login, type ApiSession } from '../api-client.js';
import { buildHousehold, buildPerson, buildSite, COUNTY, idNumberFor, TOWNSHIP_A, TOWNSHIP_B } from '../factories.js';

const PERIOD = '2026-05';
const INCOME = 3456;
const county: Actor = { userId: null, username: 'audit-mask-setup', role: 'admin', divisionCode: COUNTY, department: null };

let tdb: TestDatabase;
let app: FastifyInstance;
let clerkA: ApiSession;
let clerkB: ApiSession;
let monitor: ApiSession;
let leader: ApiSession;
let leaderA: ApiSession;
let admin: ApiSession;
const people: { id: string; idNumber: string; birthDate: string; householdId: string }[] = [];
const PHONES = ['13812345678', '13987654321'];

async function addPerson(clerk: ApiSession, division: string, birthDate: string) {
  const site = await clerk.request('POST', '/api/v1/sites', buildSite({ divisionCode: division }));
  const household = await clerk.request('POST', '/api/v1/households', buildHousehold(Number(site.body.id)));
  const idNumber = idNumberFor(birthDate, 'F');
  const person = await clerk.request('POST', '/api/v1/persons', buildPerson(Number(household.body.id), { idNumber, phone: PHONES[0] }));
  expect(person.status, JSON.stringify(person.body)).toBe(201);
  people.push({ id: person.body.id, idNumber, birthDate, householdId: household.body.id });
  return person.body;
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  const ctx = testContext(tdb.database);
  app = await buildApp(ctx);
  const user = async (name: string, role: 'clerk' | 'monitor' | 'leader' | 'admin', division: string) => {
    await addUser(ctx, name, role, division);
    return login(app, name);
  };
  clerkA = await user('am-clerk-a', 'clerk', TOWNSHIP_A);
  clerkB = await user('am-clerk-b', 'clerk', TOWNSHIP_B);
  monitor = await user('am-monitor', 'monitor', COUNTY);
  leader = await user('am-leader', 'leader', COUNTY);
  leaderA = await user('am-leader-a', 'leader', TOWNSHIP_A);
  admin = await user('am-admin', 'admin', COUNTY);
  const a = await addPerson(clerkA, TOWNSHIP_A, '1979-04-23');
  await addPerson(clerkB, TOWNSHIP_B, '1983-11-02');
  // An update writes the full person image (ID number, birth date, phone) before and after.
  const person = buildPerson(Number(people[0]!.householdId), { idNumber: people[0]!.idNumber, name: a.name, phone: PHONES[1] });
  const updated = await clerkA.request('PUT', `/api/v1/persons/${a.id}`, { ...person, version: a.version });
  expect(updated.status, JSON.stringify(updated.body)).toBe(200);
  // A labour record with an income, filled in through the API (audited before/after).
  await openPeriod(ctx, county, COUNTY, PERIOD);
  for (const [i, clerk] of [clerkA, clerkB].entries()) {
    const record = await clerk.request('GET', `/api/v1/employment/records/${people[i]!.id}/${PERIOD}`);
    const facts: LabourFacts = {
      ...record.body.facts, wantsWork: true, state: 'employed', channel: 'local', place: 'in_county', employerName: '县内企业', startDate: '2025-01-01', monthlyIncome: INCOME,
    };
    const put = await clerk.request('PUT', `/api/v1/employment/records/${people[i]!.id}/${PERIOD}`, { version: record.body.version, facts });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
  }
}, 120_000);
afterAll(async () => {
  await app.close();
  await tdb.close();
});

async function auditText(session: ApiSession, query = ''): Promise<string> {
  const res = await session.request('GET', `/api/v1/audit?pageSize=200${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return JSON.stringify(res.body.items);
}

describe('13.7 audit views', () => {
  it('13.7 a leader refused incomes reads no income, ID number, phone or birth date in /audit or a household history', async () => {
    expect((await leader.request('GET', `/api/v1/employment/records?period=${PERIOD}&reveal=income`)).status).toBe(403);
    const audit = await auditText(leader);
    // The entries are there: only their personal fields are masked.
    expect(audit).toContain('"entity":"labour_record"');
    expect(audit).toContain('"monthlyIncome":null');
    expect(audit).not.toContain(String(INCOME));
    for (const p of people) {
      expect(audit).not.toContain(p.idNumber);
      expect(audit).not.toContain(`${p.idNumber.slice(0, 4)}**********${p.idNumber.slice(-4)}`); // the old mask
      expect(audit).not.toContain(p.birthDate);
    }
    for (const phone of PHONES) expect(audit).not.toContain(phone);

    const history = await leader.request('GET', `/api/v1/households/${people[0]!.householdId}/history`);
    expect(history.status).toBe(200);
    const text = JSON.stringify(history.body);
    expect(text).toContain('"field":"phone"');
    expect(text).not.toContain(people[0]!.birthDate);
    expect(text).not.toContain(people[0]!.idNumber);
    for (const phone of PHONES) expect(text).not.toContain(phone);
  });

  it('13.7 roles that may unmask see birth dates in the audit log as on the record, but incomes, ID numbers and phones stay masked', async () => {
    const audit = await auditText(admin);
    expect(audit).toContain(people[0]!.birthDate);
    expect(audit).not.toContain(String(INCOME));
    for (const p of people) expect(audit).not.toContain(p.idNumber);
    for (const phone of PHONES) expect(audit).not.toContain(phone);
  });

  it('13.7 an income unmask is filed under the divisions actually read, with each record and its division', async () => {
    // A township clerk asks without a division: the township's own leader must see the entry.
    expect((await clerkA.request('GET', `/api/v1/employment/records?period=${PERIOD}&reveal=income`)).status).toBe(200);
    const own = await leaderA.request('GET', '/api/v1/audit?action=unmask&entity=labour_record');
    expect(own.body.items).toHaveLength(1);
    expect(own.body.items[0]).toMatchObject({
      divisionCode: TOWNSHIP_A,
      after: { fields: ['monthlyIncome'], divisions: [TOWNSHIP_A], records: [{ personId: people[0]!.id, divisionCode: TOWNSHIP_A }] },
    });

    // The county's monitor reads both townships at once: one entry at the county naming both.
    expect((await monitor.request('GET', `/api/v1/employment/records?period=${PERIOD}&divisionCode=${COUNTY}&reveal=income`)).status).toBe(200);
    const all = await leader.request('GET', '/api/v1/audit?action=unmask&entity=labour_record&username=am-monitor');
    expect(all.body.items).toHaveLength(1);
    expect(all.body.items[0].divisionCode).toBe(COUNTY);
    expect(all.body.items[0].after.divisions).toEqual([TOWNSHIP_A, TOWNSHIP_B]);
    expect(all.body.items[0].after.records).toHaveLength(2);
  });
});
