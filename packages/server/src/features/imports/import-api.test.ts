/** The import centre through the API: upload, background dry run with progress, confirm, errors file. */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app.js';
import { createTestDatabase, testContext, type TestDatabase } from '../../../test/test-database.js';
import { addUser, login, type ApiSession } from '../../../test/api-client.js';
import { idNumberFor, TOWNSHIP_A, VILLAGE_A } from '../../../test/factories.js';

let tdb: TestDatabase;
let app: FastifyInstance;
let clerk: ApiSession;
let cookie: string;
let csrf: string;

beforeAll(async () => {
  tdb = await createTestDatabase();
  const ctx = testContext(tdb.database, { dataDir: await mkdtemp(join(tmpdir(), 'anju-import-api-')) });
  app = await buildApp(ctx);
  await addUser(ctx, 'ic-clerk', 'clerk', TOWNSHIP_A);
  clerk = await login(app, 'ic-clerk');
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'ic-clerk', password: 'Test1234pass' } });
  cookie = res.cookies.find((c) => c.name === 'anju_session')!.value;
  csrf = res.json().csrfToken;
});
afterAll(async () => {
  await app.close();
  await tdb.close();
});

async function upload(ledger: string, fileName: string, content: string) {
  const boundary = '----anju-test-boundary';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: text/csv\r\n\r\n`),
    Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return app.inject({
    method: 'POST',
    url: `/api/v1/imports/${ledger}`,
    cookies: { anju_session: cookie },
    headers: { 'x-csrf-token': csrf, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: body,
  });
}

async function finished(jobId: string) {
  for (let i = 0; i < 200; i++) {
    const job = await clerk.request('GET', `/api/v1/imports/${jobId}`);
    if (job.body.status !== 'running') return job.body;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('import did not finish');
}

describe('import centre API', () => {
  it('downloads a template with Chinese headers', async () => {
    const res = await clerk.request('GET', '/api/v1/templates/persons');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('搬迁人口台账'));
  });

  it('checks an upload without writing, then imports it on confirmation', async () => {
    const sites = await upload('sites', 'sites.csv', `安置点编码,安置点名称,所在乡镇或社区代码,安置类型,安置方式,是否跨区县安置\nAPI-SITE-1,接口安置点,${TOWNSHIP_A},城镇安置,集中安置,否\n`);
    expect(sites.statusCode).toBe(202);
    const siteJob = await finished(sites.json().jobId);
    expect(siteJob).toMatchObject({ status: 'validated', rows: 1, errorCount: 0 });
    expect((await clerk.request('GET', '/api/v1/sites')).body.total).toBe(0);
    const confirmed = await clerk.request('POST', `/api/v1/imports/${siteJob.id}/confirm`);
    expect(confirmed.status).toBe(202);
    expect(await finished(confirmed.body.jobId)).toMatchObject({ status: 'committed', counts: { sites: { inserted: 1 } } });
    expect((await clerk.request('GET', '/api/v1/sites')).body.total).toBe(1);
    const again = await clerk.request('POST', `/api/v1/imports/${siteJob.id}/confirm`);
    expect(again.status).toBe(409);
  });

  it('reports every bad row, offers the marked workbook, and refuses to confirm', async () => {
    const header = '户编号,安置点编码,迁出地村代码,搬迁年份,户类型,姓名,身份证号,与户主关系,劳动能力';
    const good = `HAPI000001,API-SITE-1,${VILLAGE_A},2019,建档立卡脱贫户,好人,${idNumberFor('1980-01-01')},户主,普通劳动力`;
    const bad = `HAPI000001,API-SITE-1,${VILLAGE_A},2019,建档立卡脱贫户,坏人,110105194912310021,配偶,普通劳动力`;
    const res = await upload('persons', '人口.csv', `${header}\n${good}\n${bad}\n`);
    const job = await finished(res.json().jobId);
    expect(job).toMatchObject({ status: 'rejected', errorCount: 1, hasErrorFile: true, fileName: '人口.csv' });
    expect(job.errors[0]).toMatchObject({ row: 3, column: '身份证号' });
    const file = await clerk.request('GET', `/api/v1/imports/${job.id}/errors.xlsx`);
    expect(file.status).toBe(200);
    expect((await clerk.request('POST', `/api/v1/imports/${job.id}/confirm`)).status).toBe(409);
    expect((await clerk.request('GET', '/api/v1/persons')).body.total).toBe(0);
    const history = await clerk.request('GET', '/api/v1/imports');
    expect(history.status, JSON.stringify(history.body)).toBe(200);
    expect(history.body.items.map((j: { status: string }) => j.status)).toEqual(['rejected', 'committed', 'confirmed']);
  });

  it('refuses a file type it cannot read', async () => {
    const res = await upload('persons', 'notes.txt', 'hello');
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('.xlsx');
  });

  it('exports a ledger as a download', async () => {
    const res = await clerk.request('GET', `/api/v1/exports/sites?format=csv`);
    expect(res.status).toBe(200);
    expect(String(res.body)).toContain('API-SITE-1');
  });
});
