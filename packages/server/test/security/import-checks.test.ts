/**
 * Issues 13.1 and 13.6 through the import centre: the checks of a dry run by a township clerk
 * reveal nothing of records outside the township (no name, no household, not whether an ID
 * number is registered elsewhere), and every dry run is audited like an import.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import type { Actor } from '../../src/platform/actor.js';
import { createSite } from '../../src/features/sites/site-service.js';
import { createHousehold } from '../../src/features/households/household-service.js';
import { createPerson } from '../../src/features/persons/person-service.js';
import { openPeriod } from '../../src/features/employment/ledger-service.js';
import { createTestDatabase, testContext, type TestDatabase } from '../test-database.js';
import { addUser, login, TEST_PASSWORD, type ApiSession } from '../api-client.js';
import { buildHousehold, buildPerson, buildSite, COUNTY, idNumberFor, TOWNSHIP_A, TOWNSHIP_B, VILLAGE_A } from '../factories.js';

const OTHER_COUNTY_TOWNSHIP = '520627001'; // 沿河县团结街道: another county of the same city
const national: Actor = { userId: null, username: 'import-setup', role: 'admin', divisionCode: '', department: null };

let tdb: TestDatabase;
let app: FastifyInstance;
let clerk: ApiSession;
let admin: ApiSession;
let session: { cookie: string; csrf: string };
const own = { siteCode: '', householdNo: '', headName: '本镇户主甲', idNumber: '' };
const townshipB = { householdNo: '', headName: '外镇户主乙', idNumber: '', worker: '' };
const otherCounty = { householdNo: '', headName: '外县户主丙', idNumber: '' };

async function householdWithHead(division: string, headName: string, idNumber: string) {
  const site = await createSite(ctx, national, buildSite({ divisionCode: division, code: `SEC-${division}` }));
  const household = await createHousehold(ctx, national, buildHousehold(Number(site.id)));
  await createPerson(ctx, national, buildPerson(Number(household.id), { name: headName, idNumber, relation: 'head' }));
  return { site, household };
}

let ctx: ReturnType<typeof testContext>;

beforeAll(async () => {
  tdb = await createTestDatabase();
  ctx = testContext(tdb.database, { dataDir: await mkdtemp(join(tmpdir(), 'anju-sec-import-')) });
  app = await buildApp(ctx);
  own.idNumber = idNumberFor('1981-01-01');
  const mine = await householdWithHead(TOWNSHIP_A, own.headName, own.idNumber);
  own.siteCode = mine.site.code;
  own.householdNo = mine.household.householdNo;
  townshipB.idNumber = idNumberFor('1982-02-02');
  const b = await householdWithHead(TOWNSHIP_B, townshipB.headName, townshipB.idNumber);
  townshipB.householdNo = b.household.householdNo;
  otherCounty.idNumber = idNumberFor('1983-03-03');
  otherCounty.householdNo = (await householdWithHead(OTHER_COUNTY_TOWNSHIP, otherCounty.headName, otherCounty.idNumber)).household.householdNo;
  await openPeriod(ctx, national, COUNTY, '2026-05');
  await addUser(ctx, 'sec-import-clerk', 'clerk', TOWNSHIP_A);
  await addUser(ctx, 'sec-import-admin', 'admin', COUNTY);
  clerk = await login(app, 'sec-import-clerk');
  admin = await login(app, 'sec-import-admin');
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'sec-import-clerk', password: TEST_PASSWORD } });
  session = { cookie: res.cookies.find((c) => c.name === 'anju_session')!.value, csrf: res.json().csrfToken };
});
afterAll(async () => {
  await app.close();
  await tdb.close();
});

/** Uploads a CSV for a dry run and waits for its report. */
async function dryRun(ledger: string, fileName: string, content: string) {
  const boundary = '----anju-sec-boundary';
  const res = await app.inject({
    method: 'POST',
    url: `/api/v1/imports/${ledger}`,
    cookies: { anju_session: session.cookie },
    headers: { 'x-csrf-token': session.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`),
      Buffer.from(content),
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  });
  expect(res.statusCode, res.body).toBe(202);
  for (let i = 0; i < 400; i++) {
    const job = await clerk.request('GET', `/api/v1/imports/${res.json().jobId}`);
    if (job.body.status !== 'running') return job.body as { id: string; status: string; errors: { row: number; column: string; value: string; reason: string }[] };
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}

const PERSONS_HEADER = '户编号,安置点编码,迁出地村代码,搬迁年份,户类型,姓名,身份证号,与户主关系,劳动能力';
const personRow = (householdNo: string, name: string, idNumber: string, relation = '户主') =>
  `${householdNo},${own.siteCode},${VILLAGE_A},2019,建档立卡脱贫户,${name},${idNumber},${relation},普通劳动力`;

describe('13.1 import checks leak other divisions', () => {
  it('another division’s household marked 户主 gets the neutral household answer, never its head’s name', async () => {
    const job = await dryRun('persons', 'heads.csv', [
      PERSONS_HEADER,
      personRow(townshipB.householdNo, '新户主一', idNumberFor('1990-01-01')),
      personRow(otherCounty.householdNo, '新户主二', idNumberFor('1990-02-02')),
      personRow(own.householdNo, '新户主三', idNumberFor('1990-03-03')),
    ].join('\n'));
    expect(job.status).toBe('rejected');
    const text = JSON.stringify(job.errors);
    expect(text).not.toContain(townshipB.headName);
    expect(text).not.toContain(otherCounty.headName);
    const reasons = (row: number) => job.errors.filter((e) => e.row === row).map((e) => e.reason);
    // Both outside rows answer alike, and no head check runs on a household the clerk cannot see.
    expect(reasons(2)).toEqual(reasons(3));
    expect(reasons(2)).toHaveLength(1);
    expect(reasons(2)[0]).toContain('不在本人管辖范围内');
    // Inside the township the precise answer stays: the clerk sees that household anyway.
    expect(reasons(4).join()).toContain(`已有户主（${own.headName}）`);
  });

  it('an ID number registered in another division answers alike wherever it is, naming no household', async () => {
    const job = await dryRun('persons', 'ids.csv', [
      PERSONS_HEADER,
      personRow('HSEC-NEW-1', '冒名一', townshipB.idNumber),
      personRow('HSEC-NEW-2', '冒名二', otherCounty.idNumber),
      personRow('HSEC-NEW-3', '同镇三', own.idNumber),
    ].join('\n'));
    expect(job.status).toBe('rejected');
    const text = JSON.stringify(job.errors);
    expect(text).not.toContain(townshipB.householdNo);
    expect(text).not.toContain(otherCounty.householdNo);
    const idReason = (row: number) => job.errors.find((e) => e.row === row && e.column === '身份证号')?.reason;
    expect(idReason(2)).toBeDefined();
    expect(idReason(2)).toBe(idReason(3));
    expect(idReason(4)).toContain(own.householdNo);
  });

  it('a dry run is audited like an import, with the file, its digest, the rows and the result', async () => {
    const job = await dryRun('persons', 'audited.csv', [PERSONS_HEADER, personRow('HSEC-AUDIT-1', '审计户主', idNumberFor('1991-04-04'))].join('\n'));
    expect(job.status).toBe('validated');
    const audit = await admin.request('GET', `/api/v1/audit?entity=import_job&entityId=${job.id}`);
    expect(audit.status).toBe(200);
    expect(audit.body.items).toHaveLength(1);
    expect(audit.body.items[0]).toMatchObject({ username: 'sec-import-clerk', action: 'import_dry_run', divisionCode: TOWNSHIP_A });
    expect(audit.body.items[0].after).toMatchObject({ ledger: 'persons', fileName: 'audited.csv', rows: 1, status: 'validated', errorCount: 0 });
    expect(audit.body.items[0].after.sha256).toMatch(/^[0-9a-f]{64}$/);
    // A rejected dry run, the probing one, is audited too.
    const probe = await dryRun('persons', 'probe.csv', [PERSONS_HEADER, personRow(townshipB.householdNo, '探测', idNumberFor('1991-05-05'))].join('\n'));
    const probed = await admin.request('GET', `/api/v1/audit?entity=import_job&entityId=${probe.id}`);
    expect(probed.body.items[0]).toMatchObject({ action: 'import_dry_run', after: { fileName: 'probe.csv', status: 'rejected', errorCount: 1 } });
  });
});

describe('13.6 existence oracles: the labour-import dry run', () => {
  it('answers alike for an ID number registered nowhere and one registered in another division', async () => {
    const header = '期别,姓名,身份证号,是否有就业意愿,就业状态';
    const job = await dryRun('labour', 'labour.csv', [
      header,
      `2026-05,无此人,${idNumberFor('1992-06-06')},是,未就业`,
      `2026-05,${townshipB.headName},${townshipB.idNumber},是,未就业`,
      `2026-05,${otherCounty.headName},${otherCounty.idNumber},是,未就业`,
    ].join('\n'));
    expect(job.status).toBe('rejected');
    const reasons = [2, 3, 4].map((row) => job.errors.filter((e) => e.row === row).map((e) => `${e.column}:${e.reason}`));
    expect(reasons[0]).toHaveLength(1);
    expect(reasons[1]).toEqual(reasons[0]);
    expect(reasons[2]).toEqual(reasons[0]);
  });
});
