/**
 * Issue 13.6 through the API: a uniqueness check that meets a record outside the caller's
 * division answers one neutral message that names nothing of it (no household, no name, not
 * which division), whichever division it lies in; inside the division the precise answer stays.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { employerInput, makeCreditCode } from '@anju/core';
import { buildApp } from '../../src/app.js';
import type { Actor } from '../../src/platform/actor.js';
import { createSite } from '../../src/features/sites/site-service.js';
import { createHousehold } from '../../src/features/households/household-service.js';
import { createPerson } from '../../src/features/persons/person-service.js';
import { createEmployer } from '../../src/features/employers/employer-service.js';
import { createTestDatabase, testContext, type TestDatabase } from '../test-database.js';
import { addUser, login, type ApiSession } from '../api-client.js';
import { buildHousehold, buildPerson, buildSite, idNumberFor, TOWNSHIP_A, TOWNSHIP_B } from '../factories.js';

const OTHER_COUNTY_TOWNSHIP = '520627001';
const national: Actor = { userId: null, username: 'oracle-setup', role: 'admin', divisionCode: '', department: null };

interface Place {
  siteId: string;
  siteCode: string;
  householdId: string;
  householdNo: string;
  headName: string;
  idNumber: string;
  personId: string;
  employerName: string;
  creditCode: string;
}

let tdb: TestDatabase;
let app: FastifyInstance;
let clerk: ApiSession;
let ctx: ReturnType<typeof testContext>;
const places: Record<'own' | 'township' | 'county', Place> = {} as never;

async function place(division: string, tag: string, birth: string, creditCode: string): Promise<Place> {
  const site = await createSite(ctx, national, buildSite({ divisionCode: division }));
  const household = await createHousehold(ctx, national, buildHousehold(Number(site.id)));
  const idNumber = idNumberFor(birth);
  const person = await createPerson(ctx, national, buildPerson(Number(household.id), { name: `${tag}户主`, idNumber, relation: 'head' }));
  const employer = `${tag}秘密合作社`;
  await createEmployer(ctx, national, employerInput.parse({ name: employer, creditCode, kind: 'cooperative', divisionCode: division }));
  return {
    siteId: site.id, siteCode: site.code, householdId: household.id, householdNo: household.householdNo,
    headName: person.name, idNumber, personId: person.id, employerName: employer, creditCode,
  };
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  ctx = testContext(tdb.database);
  app = await buildApp(ctx);
  places.own = await place(TOWNSHIP_A, '本镇', '1980-01-01', makeCreditCode('91520628MA6DKQ0A1'));
  places.township = await place(TOWNSHIP_B, '外镇', '1981-01-01', makeCreditCode('91520628MA6DKQ0B2'));
  places.county = await place(OTHER_COUNTY_TOWNSHIP, '外县', '1982-01-01', makeCreditCode('91520627MA6DKQ0C3'));
  await addUser(ctx, 'oracle-clerk', 'clerk', TOWNSHIP_A);
  clerk = await login(app, 'oracle-clerk');
});
afterAll(async () => {
  await app.close();
  await tdb.close();
});

const outside = ['township', 'county'] as const;

function neutral(res: { status: number; body: { message: string } }, ...secrets: string[]) {
  expect(res.status, JSON.stringify(res.body)).toBe(409);
  for (const secret of secrets) expect(res.body.message).not.toContain(secret);
  return res.body.message;
}

describe('13.6 existence oracles in uniqueness checks', () => {
  it('a person created or edited with an ID number registered in another division: one answer naming no household', async () => {
    const own = places.own;
    const answers: string[] = [];
    for (const key of outside) {
      const other = places[key];
      const person = buildPerson(Number(own.householdId), { idNumber: other.idNumber, relation: 'son' });
      answers.push(neutral(await clerk.request('POST', '/api/v1/persons', person), other.householdNo, other.headName));
      const mine = await clerk.request('GET', `/api/v1/persons/${own.personId}`);
      const edit = { ...buildPerson(Number(own.householdId), { name: own.headName, relation: 'head' }), idNumber: other.idNumber, version: mine.body.version };
      answers.push(neutral(await clerk.request('PUT', `/api/v1/persons/${own.personId}`, edit), other.householdNo, other.headName));
    }
    expect(new Set(answers).size).toBe(1);
    // Inside the township the clerk is told which household has the person.
    const sameTownship = await clerk.request('POST', '/api/v1/persons', buildPerson(Number(own.householdId), { idNumber: own.idNumber, relation: 'son' }));
    expect(sameTownship.status).toBe(409);
    expect(sameTownship.body.message).toContain(own.householdNo);
  });

  it('a household created or renumbered with another division’s number: the same neutral answer', async () => {
    const own = places.own;
    const answers: string[] = [];
    for (const key of outside) {
      const other = places[key];
      const created = await clerk.request('POST', '/api/v1/households', buildHousehold(Number(own.siteId), { householdNo: other.householdNo }));
      answers.push(neutral(created, other.headName, other.siteCode).replace(other.householdNo, '#'));
      const mine = await clerk.request('GET', `/api/v1/households/${own.householdId}`);
      const renumbered = await clerk.request('PUT', `/api/v1/households/${own.householdId}`, {
        ...buildHousehold(Number(own.siteId), { householdNo: other.householdNo }), version: mine.body.version,
      });
      answers.push(neutral(renumbered, other.headName, other.siteCode).replace(other.householdNo, '#'));
    }
    expect(new Set(answers).size).toBe(1);
    expect(answers[0]).toContain('不在本人管辖范围内');
  });

  it('a site code or credit code used in another division: the same neutral answer, never the other record’s name', async () => {
    const siteAnswers: string[] = [];
    const employerAnswers: string[] = [];
    for (const key of outside) {
      const other = places[key];
      const site = await clerk.request('POST', '/api/v1/sites', buildSite({ code: other.siteCode }));
      siteAnswers.push(neutral(site).replace(other.siteCode, '#'));
      const employer = await clerk.request('POST', '/api/v1/employers', { name: '新合作社', creditCode: other.creditCode, kind: 'cooperative', divisionCode: TOWNSHIP_A });
      employerAnswers.push(neutral(employer, other.employerName).replace(other.creditCode, '#'));
    }
    for (const answers of [siteAnswers, employerAnswers]) {
      expect(new Set(answers).size).toBe(1);
      expect(answers[0]).toContain('不在本人管辖范围内');
    }
  });
});
