/**
 * Job openings, matching and referrals on a hand-made ledger (the test clock stands on
 * 2026-06-01): an electrician who wants work ranks above a worker without the skill; a worker
 * over the age limit and a weak worker are left out of an opening for ordinary labour; the
 * reasons add up to the score; referrals once per person and opening; access.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { JobOpeningInput } from '@anju/core';
import { buildApp } from '../../app.js';
import { createTestDatabase, testContext, type TestDatabase } from '../../../test/test-database.js';
import { addUser, login, type ApiSession } from '../../../test/api-client.js';
import { buildHousehold, buildPerson, buildSite, COUNTY, idNumberFor, TOWNSHIP_A, TOWNSHIP_B } from '../../../test/factories.js';

let tdb: TestDatabase;
let app: FastifyInstance;
let clerk: ApiSession;
let clerkB: ApiSession;
let leader: ApiSession;
let civil: ApiSession;
let hrss: ApiSession;
const NONE = '999999999';
const PERIOD = '2026-05';
const EARLIER = '2026-04';
const people: Record<string, string> = {};
const ids: Record<string, string> = {};

interface Worker {
  birth: string;
  capacity?: string;
  skills?: string[];
  state?: 'employed' | 'unemployed';
  wantsWork?: boolean;
  trainingWish?: boolean;
}

const workers: Record<string, Worker> = {
  electrician: { birth: '1991-01-15', skills: ['电工', '焊工'] },
  plain: { birth: '1990-03-03' },
  older: { birth: '1968-01-15', skills: ['电工'] },
  weak: { birth: '1992-02-02', capacity: 'weak', skills: ['电工'] },
  employed: { birth: '1993-03-03', skills: ['电工'], state: 'employed' },
  unwilling: { birth: '1994-04-04', skills: ['电工'], wantsWork: false },
  trainee: { birth: '1995-05-05', state: 'employed', trainingWish: true },
};

const opening = (over: Partial<JobOpeningInput> = {}): JobOpeningInput => ({
  title: '电工',
  source: 'employer',
  employerId: ids.employer!,
  partner: null,
  divisionCode: TOWNSHIP_A,
  place: 'in_county',
  workLocation: '蓼皋街道工业园',
  skills: ['电工'],
  minCapacity: 'ordinary',
  minAge: 18,
  maxAge: 55,
  monthlyPay: 4200,
  positions: 3,
  openUntil: '2026-12-31',
  status: 'open',
  ...over,
});

async function addPeople(as: ApiSession, divisionCode: string, list: Record<string, Worker>) {
  const db = tdb.database.db;
  const site = await as.request('POST', '/api/v1/sites', buildSite({ divisionCode }));
  expect(site.status, JSON.stringify(site.body)).toBe(201);
  for (const [key, w] of Object.entries(list)) {
    const hh = await as.request('POST', '/api/v1/households', buildHousehold(Number(site.body.id)));
    const p = await as.request('POST', '/api/v1/persons', buildPerson(Number(hh.body.id), { idNumber: idNumberFor(w.birth), labourCapacity: w.capacity ?? 'ordinary', skills: w.skills ?? [] } as never));
    expect(p.status, JSON.stringify(p.body)).toBe(201);
    people[key] = p.body.id;
    const person = await db.selectFrom('person').select(['dest_division_code', 'household_id']).where('id', '=', p.body.id).executeTakeFirstOrThrow();
    const employed = w.state === 'employed';
    const base = { person_id: p.body.id, county_code: COUNTY, dest_division_code: person.dest_division_code, household_id: person.household_id, wants_work: w.wantsWork ?? true, training_wish: w.trainingWish ?? false };
    await db
      .insertInto('labour_record')
      .values([
        // Last month every one of them worked outside the province; this month as listed.
        { ...base, period: EARLIER, state: 'employed', channel: 'out_migration', place: 'outside_province' },
        { ...base, period: PERIOD, state: employed ? 'employed' : 'unemployed', channel: employed ? 'local' : null, place: employed ? 'in_county' : null },
      ])
      .execute();
  }
}

async function matches(id: string, query = '') {
  const res = await clerk.request('GET', `/api/v1/job-openings/${id}/matches${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { period: string | null; total: number; items: { personId: string; score: number; reasons: { text: string; points: number }[]; idNumber: string; referral: { id: string; outcome: string } | null }[] };
}

async function auditCount(entity: string): Promise<number> {
  const row = await tdb.database.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<string>().as('n')).where('entity', '=', entity).executeTakeFirstOrThrow();
  return Number(row.n);
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  const ctx = testContext(tdb.database);
  app = await buildApp(ctx);
  await addUser(ctx, 'jo-clerk', 'clerk', TOWNSHIP_A);
  await addUser(ctx, 'jo-clerk-b', 'clerk', TOWNSHIP_B);
  await addUser(ctx, 'jo-leader', 'leader', COUNTY);
  await addUser(ctx, 'jo-civil', 'department', COUNTY, 'civil_affairs');
  await addUser(ctx, 'jo-hrss', 'department', COUNTY, 'hrss');
  clerk = await login(app, 'jo-clerk');
  clerkB = await login(app, 'jo-clerk-b');
  leader = await login(app, 'jo-leader');
  civil = await login(app, 'jo-civil');
  hrss = await login(app, 'jo-hrss');
  await tdb.database.db.insertInto('labour_period').values([{ county_code: COUNTY, period: EARLIER, status: 'closed' }, { county_code: COUNTY, period: PERIOD }]).execute();
  await addPeople(clerk, TOWNSHIP_A, workers);
  await addPeople(clerkB, TOWNSHIP_B, { neighbour: { birth: '1991-06-06', skills: ['电工'] } });
  const employer = await clerk.request('POST', '/api/v1/employers', { name: '蓼皋电气有限公司', kind: 'enterprise', divisionCode: TOWNSHIP_A });
  const employerB = await clerkB.request('POST', '/api/v1/employers', { name: '盘石建筑队', kind: 'enterprise', divisionCode: TOWNSHIP_B });
  ids.employer = employer.body.id;
  ids.employerB = employerB.body.id;
  const created = await clerk.request('POST', '/api/v1/job-openings', opening());
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  ids.opening = created.body.id;
});
afterAll(async () => {
  await app.close();
  await tdb.close();
});

describe('job openings', () => {
  it('creates an opening in the division with its employer, and checks the input', async () => {
    const got = await clerk.request('GET', `/api/v1/job-openings/${ids.opening}`);
    expect(got.body).toMatchObject({ title: '电工', employerName: '蓼皋电气有限公司', divisionCode: TOWNSHIP_A, countyCode: COUNTY, skills: ['电工'], monthlyPay: 4200, status: 'open', expired: false, referrals: 0, editable: true, version: 1 });
    const partner = await clerk.request('POST', '/api/v1/job-openings', opening({ source: 'partner', employerId: null }));
    expect(partner.status).toBe(400);
    expect(partner.body.details.map((d: { path: string }) => d.path)).toContain('partner');
    const ages = await clerk.request('POST', '/api/v1/job-openings', opening({ minAge: 50, maxAge: 40 }));
    expect(ages.body.details[0]).toMatchObject({ path: 'maxAge' });
    const foreign = await clerk.request('POST', '/api/v1/job-openings', opening({ employerId: ids.employerB }));
    const missing = await clerk.request('POST', '/api/v1/job-openings', opening({ employerId: NONE }));
    expect(foreign.status).toBe(400);
    expect(foreign.body).toEqual(missing.body);
    const outside = await clerk.request('POST', '/api/v1/job-openings', opening({ divisionCode: TOWNSHIP_B }));
    expect(outside.body.details[0].path).toBe('divisionCode');
    const east = await clerk.request('POST', '/api/v1/job-openings', opening({ title: '浙江电子厂普工', source: 'partner', employerId: null, partner: '浙江省宁波市', place: 'outside_province', skills: [], minCapacity: 'weak', minAge: null, maxAge: null }));
    expect(east.status, JSON.stringify(east.body)).toBe(201);
    ids.east = east.body.id;
  });

  it('lists with filters and paging', async () => {
    const all = await clerk.request('GET', '/api/v1/job-openings?pageSize=1');
    expect(all.body).toMatchObject({ total: 2, pageSize: 1 });
    expect(all.body.items[0].id).toBe(ids.east); // newest first
    expect((await clerk.request('GET', '/api/v1/job-openings?source=partner')).body.total).toBe(1);
    expect((await clerk.request('GET', '/api/v1/job-openings?place=in_county&q=电工')).body.items.map((o: { id: string }) => o.id)).toEqual([ids.opening]);
  });

  it('answers a stale version with 409 and the current opening, writing nothing', async () => {
    const edited = await clerk.request('PUT', `/api/v1/job-openings/${ids.opening}`, { ...opening({ positions: 4 }), version: 1 });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body.version).toBe(2);
    const before = await auditCount('job_opening');
    const stale = await clerk.request('PUT', `/api/v1/job-openings/${ids.opening}`, { ...opening({ title: '旧版本' }), version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.current.positions).toBe(4);
    expect(await auditCount('job_opening')).toBe(before);
    expect((await clerk.request('GET', `/api/v1/job-openings/${ids.opening}`)).body.title).toBe('电工');
  });
});

describe('matching', () => {
  it('ranks the willing electrician above the worker without the skill, with the reasons', async () => {
    const m = await matches(ids.opening!);
    expect(m.period).toBe(PERIOD); // the latest period with records
    const order = m.items.map((i) => i.personId);
    expect(order.indexOf(people.electrician!)).toBe(0);
    expect(order).toContain(people.plain);
    const top = m.items[0]!;
    expect(top.reasons.map((r) => r.text)).toEqual(['技能匹配：电工', '有就业意愿', '劳动能力：普通劳动力', '年龄符合', '就近：县内岗位']);
    expect(top.score).toBe(top.reasons.reduce((s, r) => s + r.points, 0));
    const plain = m.items.find((i) => i.personId === people.plain)!;
    expect(plain.score).toBeLessThan(top.score);
    expect(plain.reasons.map((r) => r.text)).not.toContain('技能匹配：电工');
  });

  it('leaves out the over-age and the weak worker, the employed and the unwilling, and other townships', async () => {
    const order = (await matches(ids.opening!)).items.map((i) => i.personId);
    for (const key of ['older', 'weak', 'employed', 'unwilling', 'neighbour']) expect(order, key).not.toContain(people[key]);
    // An employed worker who wants training is a candidate, for the training wish only.
    const trainee = (await matches(ids.opening!)).items.find((i) => i.personId === people.trainee)!;
    expect(trainee.reasons.map((r) => r.text)).toContain('有培训意愿');
    expect(trainee.reasons.map((r) => r.text)).not.toContain('有就业意愿');
    expect(order).toHaveLength(3);
  });

  it('takes the weak worker in when the opening accepts weak labour, and scores past work in the same place', async () => {
    const m = await matches(ids.east!);
    expect(m.items.map((i) => i.personId)).toEqual(expect.arrayContaining([people.weak, people.older]));
    const electrician = m.items.find((i) => i.personId === people.electrician)!;
    expect(electrician.reasons.map((r) => r.text)).toContain('曾在省外务工');
    expect(electrician.reasons.map((r) => r.text)).not.toContain('年龄符合');
  });

  it('matches another period on request, and pages', async () => {
    // In the earlier period everyone was employed: only the one who wanted training is a candidate.
    const earlier = await matches(ids.opening!, `?period=${EARLIER}`);
    expect(earlier).toMatchObject({ period: EARLIER, total: 1 });
    expect(earlier.items[0]!.personId).toBe(people.trainee);
    const page2 = await matches(ids.opening!, '?page=2&pageSize=2');
    expect(page2).toMatchObject({ total: 3 });
    expect(page2.items).toHaveLength(1);
    expect((await matches(ids.opening!, '?page=5&pageSize=2')).total).toBe(3);
  });

  it('puts a zero-employment household forward and says why', async () => {
    const db = tdb.database.db;
    const person = await db.selectFrom('person').select(['household_id', 'dest_division_code']).where('id', '=', people.plain!).executeTakeFirstOrThrow();
    const before = (await matches(ids.opening!)).items.find((i) => i.personId === people.plain)!;
    await db.insertInto('zero_employment_case').values({ household_id: person.household_id, county_code: COUNTY, dest_division_code: person.dest_division_code, found_period: PERIOD, found_on: '2026-05-31', last_seen_period: PERIOD }).execute();
    const after = (await matches(ids.opening!)).items.find((i) => i.personId === people.plain)!;
    expect(after.reasons.map((r) => r.text)).toContain('零就业家庭（优先推荐）');
    expect(after.score).toBe(before.score + 20);
    await db.deleteFrom('zero_employment_case').where('household_id', '=', person.household_id).execute();
  });

  it('shows people with name, sex, age and a masked ID number only', async () => {
    const res = await clerk.request('GET', `/api/v1/job-openings/${ids.opening}/matches`);
    const item = res.body.items[0];
    expect(Object.keys(item).sort()).toEqual(['age', 'divisionCode', 'idNumber', 'labourCapacity', 'name', 'personId', 'reasons', 'referral', 'score', 'sex']);
    expect(item.idNumber).toMatch(/^\d{4}\*{13}[\dX]$/);
    expect(item.age).toBe(35);
    expect(JSON.stringify(res.body)).not.toContain('13800138000');
  });
});

describe('referrals', () => {
  it('pushes an opening to a person once, and says so the second time', async () => {
    const first = await clerk.request('POST', `/api/v1/job-openings/${ids.opening}/referrals`, { personId: people.electrician, note: '电话通知' });
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body).toMatchObject({ personId: people.electrician, openingTitle: '电工', referredOn: '2026-06-01', outcome: 'pending', version: 1 });
    expect(first.body.idNumber).toContain('*');
    ids.referral = first.body.id;
    const before = await auditCount('job_referral');
    const again = await clerk.request('POST', `/api/v1/job-openings/${ids.opening}/referrals`, { personId: people.electrician });
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('已于 2026-06-01 推送到岗位「电工」，同一人不能重复推送到同一岗位');
    expect(await auditCount('job_referral')).toBe(before);
    const top = (await matches(ids.opening!)).items[0]!;
    expect(top.referral).toEqual({ id: ids.referral, outcome: 'pending' });
  });

  it('refuses a person outside the division as if there were none, and a closed opening', async () => {
    const foreign = await clerk.request('POST', `/api/v1/job-openings/${ids.opening}/referrals`, { personId: people.neighbour });
    const missing = await clerk.request('POST', `/api/v1/job-openings/${ids.opening}/referrals`, { personId: NONE });
    expect(foreign.status).toBe(400);
    expect(foreign.body).toEqual(missing.body);
    const closed = await clerk.request('POST', '/api/v1/job-openings', opening({ title: '已招满', status: 'closed' }));
    const refused = await clerk.request('POST', `/api/v1/job-openings/${closed.body.id}/referrals`, { personId: people.plain });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('已结束招聘');
  });

  it('records the outcome, refuses a stale one, and lists by opening and by person', async () => {
    const hired = await clerk.request('PUT', `/api/v1/job-openings/${ids.opening}/referrals/${ids.referral}`, { outcome: 'hired', outcomeOn: '2026-06-01', note: '已签合同', version: 1 });
    expect(hired.status, JSON.stringify(hired.body)).toBe(200);
    expect(hired.body).toMatchObject({ outcome: 'hired', outcomeOn: '2026-06-01', version: 2 });
    const before = await auditCount('job_referral');
    const stale = await clerk.request('PUT', `/api/v1/job-openings/${ids.opening}/referrals/${ids.referral}`, { outcome: 'declined', outcomeOn: '2026-06-01', note: null, version: 1 });
    expect(stale.status).toBe(409);
    expect(await auditCount('job_referral')).toBe(before);
    const early = await clerk.request('PUT', `/api/v1/job-openings/${ids.opening}/referrals/${ids.referral}`, { outcome: 'declined', outcomeOn: '2026-05-01', note: null, version: 2 });
    expect(early.status).toBe(400);
    const ofOpening = await clerk.request('GET', `/api/v1/job-openings/${ids.opening}/referrals`);
    expect(ofOpening.body.total).toBe(1);
    expect(ofOpening.body.items[0]).toMatchObject({ outcome: 'hired', note: '已签合同' });
    const ofPerson = await clerk.request('GET', `/api/v1/persons/${people.electrician}/job-referrals`);
    expect(ofPerson.body).toHaveLength(1);
    expect(ofPerson.body[0]).toMatchObject({ openingTitle: '电工', employerName: '蓼皋电气有限公司', outcome: 'hired' });
    expect((await clerk.request('GET', `/api/v1/job-openings/${ids.opening}`)).body).toMatchObject({ referrals: 1, hired: 1 });
  });

  it('keeps an opening with referrals from being deleted; deletes one without', async () => {
    const current = (await clerk.request('GET', `/api/v1/job-openings/${ids.opening}`)).body;
    const refused = await clerk.request('DELETE', `/api/v1/job-openings/${ids.opening}?version=${current.version}`);
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('不能删除');
    const spare = await clerk.request('POST', '/api/v1/job-openings', opening({ title: '临时岗位' }));
    expect((await clerk.request('DELETE', `/api/v1/job-openings/${spare.body.id}?version=1`)).status).toBe(204);
    expect((await clerk.request('GET', `/api/v1/job-openings/${spare.body.id}`)).status).toBe(404);
  });
});

describe('access', () => {
  it('gives a clerk of another township the answer a missing id gets, on every call', async () => {
    const calls: [string, string, unknown][] = [
      ['GET', '/api/v1/job-openings/{id}', undefined],
      ['PUT', '/api/v1/job-openings/{id}', { ...opening({ divisionCode: TOWNSHIP_B, employerId: null, source: 'public' }), version: 2 }],
      ['DELETE', '/api/v1/job-openings/{id}?version=2', undefined],
      ['GET', '/api/v1/job-openings/{id}/matches', undefined],
      ['GET', '/api/v1/job-openings/{id}/referrals', undefined],
      ['POST', '/api/v1/job-openings/{id}/referrals', { personId: people.neighbour }],
      ['PUT', `/api/v1/job-openings/{id}/referrals/${ids.referral}`, { outcome: 'declined', outcomeOn: '2026-06-01', note: null, version: 2 }],
    ];
    for (const [method, path, body] of calls) {
      const real = await clerkB.request(method as 'GET', path.replace('{id}', ids.opening!), body);
      const none = await clerkB.request(method as 'GET', path.replace('{id}', NONE), body);
      expect(real.status, `${method} ${path}`).toBe(404);
      expect(real.body).toEqual(none.body);
    }
    expect((await clerkB.request('GET', '/api/v1/job-openings')).body.total).toBe(0);
    const person = await clerkB.request('GET', `/api/v1/persons/${people.electrician}/job-referrals`);
    expect(person.body).toEqual((await clerkB.request('GET', `/api/v1/persons/${NONE}/job-referrals`)).body);
  });

  it('lets a leader and a non-人社 department read but not write; the 人社 department writes', async () => {
    expect((await leader.request('GET', `/api/v1/job-openings/${ids.opening}/matches`)).status).toBe(200);
    const before = await auditCount('job_opening');
    expect((await leader.request('POST', '/api/v1/job-openings', opening())).status).toBe(403);
    expect((await civil.request('POST', '/api/v1/job-openings', opening())).status).toBe(403);
    expect((await civil.request('POST', `/api/v1/job-openings/${ids.opening}/referrals`, { personId: people.plain })).status).toBe(403);
    expect(await auditCount('job_opening')).toBe(before);
    const county = await hrss.request('POST', '/api/v1/job-openings', opening({ title: '县级公益性岗位', source: 'public', employerId: null, divisionCode: COUNTY, minCapacity: 'weak', skills: [] }));
    expect(county.status, JSON.stringify(county.body)).toBe(201);
    ids.county = county.body.id;
  });

  it('shows a county opening to a township clerk, who pushes it to their own people but cannot edit it', async () => {
    const seen = await clerkB.request('GET', `/api/v1/job-openings/${ids.county}`);
    expect(seen.status).toBe(200);
    expect(seen.body.editable).toBe(false);
    expect((await clerkB.request('PUT', `/api/v1/job-openings/${ids.county}`, { ...opening({ source: 'public', employerId: null, divisionCode: TOWNSHIP_B }), version: 1 })).status).toBe(403);
    const theirs = await clerkB.request('GET', `/api/v1/job-openings/${ids.county}/matches`);
    expect(theirs.body.items.map((i: { personId: string }) => i.personId)).toEqual([people.neighbour]);
    expect((await clerkB.request('POST', `/api/v1/job-openings/${ids.county}/referrals`, { personId: people.neighbour })).status).toBe(201);
    // The county sees every township's workers for it.
    expect((await hrss.request('GET', `/api/v1/job-openings/${ids.county}/matches`)).body.total).toBeGreaterThan(1);
  });
});
