/**
 * Issue 13, findings 3, 11 and 15: hostile files through the import centre (zip bomb, truncated,
 * XXE, wrong type, huge dimensions), a database that does not answer, what a crash leaves, what a
 * CLI start may touch, and a shutdown in the middle of an import. Files are made here, not stored.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgers } from '@anju/core';
import { buildApp } from '../../src/app.js';
import { openDatabase } from '../../src/db/connection.js';
import ExcelJS from '../../src/features/imports/exceljs.js';
import { prepareDatabase } from '../../src/platform/prepare.js';
import { startServer } from '../../src/server.js';
import { createTestDatabase, testContext, type TestDatabase } from '../test-database.js';
import { addUser, TEST_PASSWORD } from '../api-client.js';
import { TOWNSHIP_A, VILLAGE_A } from '../factories.js';
import { deflatedRepeat, sheetXml, xlsxOf } from '../hostile-files.js';

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;
let app: FastifyInstance;
let dataDir: string;
let session: { cookie: string; csrf: string };

const HEADERS = ledgers.persons.columns.map((c) => c.header);
type Job = { id: string; status: string; errors: { reason: string }[]; rows: number };

async function login(target: FastifyInstance = app) {
  const res = await target.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'hostile-clerk', password: TEST_PASSWORD } });
  return { status: res.statusCode, cookie: res.cookies.find((c) => c.name === 'anju_session')?.value ?? '', csrf: res.json().csrfToken as string };
}

async function upload(fileName: string, content: Buffer | string, target: FastifyInstance = app) {
  const boundary = '----anju-hostile-boundary';
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return target.inject({
    method: 'POST',
    url: '/api/v1/imports/persons',
    cookies: { anju_session: session.cookie },
    headers: { 'x-csrf-token': session.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: body,
  });
}

async function getJob(jobId: string, target: FastifyInstance = app): Promise<Job> {
  const res = await target.inject({ method: 'GET', url: `/api/v1/imports/${jobId}`, cookies: { anju_session: session.cookie } });
  return res.json() as Job;
}

/** Polls the job until it ends; a job that never ends fails the test (today's truncated .xlsx). */
async function finished(jobId: string): Promise<Job> {
  for (let i = 0; i < 300; i++) {
    const job = await getJob(jobId);
    if (job.status !== 'running') return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`import ${jobId} did not end`);
}

async function uploadAndFinish(fileName: string, content: Buffer | string): Promise<Job> {
  const res = await upload(fileName, content);
  expect(res.statusCode, res.body).toBe(202);
  return finished(res.json().jobId);
}

function reasonOf(job: Job): string {
  return job.errors.map((e) => e.reason).join('；');
}

/** A real export of `rows` person rows, written by exceljs as the web's export would be. */
async function validXlsx(rows: number): Promise<Buffer> {
  const path = join(dataDir, `valid-${rows}.xlsx`);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
  const ws = wb.addWorksheet('台账');
  ws.addRow(HEADERS).commit();
  for (let i = 0; i < rows; i++) ws.addRow(HEADERS.map((h, c) => `${h}-${i}-${c}`)).commit();
  await wb.commit();
  const { readFile } = await import('node:fs/promises');
  return readFile(path);
}

beforeAll(async () => {
  tdb = await createTestDatabase();
  dataDir = await mkdtemp(join(tmpdir(), 'anju-hostile-'));
  ctx = testContext(tdb.database, { dataDir, port: 0, host: '127.0.0.1' });
  app = await buildApp(ctx);
  await addUser(ctx, 'hostile-clerk', 'clerk', TOWNSHIP_A);
  session = await login();
});
afterAll(async () => {
  await app.close();
  await tdb.close();
});

describe('hostile ledger files', () => {
  it('13.3a a zip-bomb .xlsx (a few shared strings repeated millions of times) is refused before it is parsed', async () => {
    const strings = await deflatedRepeat('<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">', '<si><t>甲</t></si>', 16_000_000, '</sst>');
    const sheet = sheetXml([HEADERS, ['<c r="A2" t="s"><v>0</v></c>']]);
    const bomb = await xlsxOf(sheet, { name: 'xl/sharedStrings.xml', compressed: strings.data, crc: strings.crc, size: strings.size });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const job = await uploadAndFinish('炸弹.xlsx', bomb);
    expect(job.status).toBe('failed');
    expect(reasonOf(job)).toMatch(/xl\/sharedStrings\.xml.*压缩比.*超过上限 100 倍.*压缩炸弹/);
  });

  it('13.3a a bomb whose zip headers understate its size is refused as damaged', async () => {
    const strings = await deflatedRepeat('<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">', '<si><t>甲</t></si>', 16_000_000, '</sst>');
    const declared = strings.data.length * 2; // a believable ratio of 2
    const bomb = await xlsxOf(sheetXml([HEADERS]), { name: 'xl/sharedStrings.xml', compressed: strings.data, crc: strings.crc, size: declared });
    const job = await uploadAndFinish('炸弹2.xlsx', bomb);
    expect(job.status).toBe('failed');
    expect(reasonOf(job)).toContain('文件不完整或已损坏');
  });

  it('13.3b a truncated .xlsx (the first 100 KB of a valid export) ends at once with a reason', async () => {
    const full = await validXlsx(3000);
    expect(full.length).toBeGreaterThan(150_000);
    const job = await uploadAndFinish('截断.xlsx', full.subarray(0, 100_000));
    expect(job.status).toBe('failed');
    expect(reasonOf(job)).toContain('文件不完整或已损坏');
  });

  it('13.3b eight truncated uploads by one clerk leave login and the health check answering', async () => {
    const truncated = (await validXlsx(3000)).subarray(0, 100_000);
    const started: string[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await upload(`截断-${i}.xlsx`, truncated);
      if (res.statusCode === 429) {
        expect(res.json().message).toMatch(/同时最多 \d+ 个/);
        continue;
      }
      expect(res.statusCode, res.body).toBe(202);
      started.push(res.json().jobId as string);
    }
    expect((await login()).status).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(200);
    for (const id of started) expect((await finished(id)).status).toBe('failed');
  });

  it('13.3 a file whose content is not its type (an .exe or a PDF renamed .xlsx, a PDF renamed .csv) is refused by its first bytes', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(4096, 0x90)]);
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
    expect(reasonOf(await uploadAndFinish('人口.xlsx', exe))).toContain('Windows 可执行文件');
    expect(reasonOf(await uploadAndFinish('人口.xlsx', pdf))).toContain('PDF 文件');
    expect(reasonOf(await uploadAndFinish('人口.csv', pdf))).toContain('不是 CSV 文本（PDF 文件）');
    const docx = await xlsxOf(sheetXml([HEADERS]));
    const notWorkbook = Buffer.from(docx.toString('latin1').replaceAll('xl/workbook.xml', 'xl/workbook.xmm'), 'latin1');
    expect(reasonOf(await uploadAndFinish('人口.xlsx', notWorkbook))).toContain('不是 Excel 工作簿');
  });

  it('13.3 an external entity (XXE) in a sheet is never resolved', async () => {
    const doctype = '<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>';
    const row = HEADERS.map((h) => (h.startsWith('姓名') ? '&xxe;' : '1'));
    const file = await xlsxOf(sheetXml([HEADERS, row], { doctype }));
    const job = await uploadAndFinish('实体.xlsx', file);
    expect(['failed', 'rejected']).toContain(job.status);
    expect(JSON.stringify(job)).not.toMatch(/root:|\/bin\/(ba)?sh/);
  });

  it('13.3 a sheet of huge dimensions (a cell in column XFD, range A1:XFD1048576) is refused by the column limit', async () => {
    const wide = [...HEADERS, '<c r="XFD2" t="inlineStr"><is><t>远</t></is></c>'];
    const file = await xlsxOf(sheetXml([HEADERS, wide], { dimension: 'A1:XFD1048576' }));
    const job = await uploadAndFinish('超宽.xlsx', file);
    expect(job.status).toBe('failed');
    expect(reasonOf(job)).toMatch(/第2行有 16,384 列，超过列数上限（256 列）/);
  });

  it('13.3 the health check answers 503 when the database does not answer', async () => {
    const held: pg.PoolClient[] = [];
    const max = tdb.database.kind === 'pglite' ? 1 : 8;
    for (let i = 0; i < max; i++) held.push(await tdb.database.pool.connect());
    try {
      const res = await app.inject({ method: 'GET', url: '/api/v1/health' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toMatchObject({ ok: false });
    } finally {
      for (const c of held) c.release();
    }
    expect((await app.inject({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(200);
  });
});

describe('what imports leave behind', () => {
  it('13.11 after a job ends, no staging table, row spool or upload is left (an error file is kept)', async () => {
    const bad = `${HEADERS.join(',')}\n${HEADERS.map(() => 'x').join(',')}\n`;
    const job = await uploadAndFinish('坏.csv', bad);
    expect(job.status).toBe('rejected');
    const { rows } = await sql<{ n: string }>`SELECT count(*) AS n FROM pg_tables WHERE tablename LIKE 'import_stage_%'`.execute(ctx.db);
    expect(Number(rows[0]!.n)).toBe(0);
    const left = (await readdir(join(dataDir, 'uploads'))).filter((f) => f.endsWith('.csv'));
    expect(left).toEqual([]);
    expect(existsSync(join(dataDir, 'import-spool')) ? await readdir(join(dataDir, 'import-spool')) : []).toEqual([]);
  });

  it('13.11 13.15 a server start fails imports whose process is gone (with a reason), drops their staging tables and deletes expired uploads; a live process keeps its import', async () => {
    const insertJob = async (owner: string | null, startedDaysAgo = 0) => {
      const { rows } = await sql<{ id: string }>`INSERT INTO import_job (ledger, file_name, dry_run, status, division_code, owner, heartbeat_at, started_at)
        VALUES ('persons', 'x.xlsx', true, 'running', ${TOWNSHIP_A}, ${owner}, now(), now() - make_interval(days => ${startedDaysAgo})) RETURNING id`.execute(ctx.db);
      return String(rows[0]!.id);
    };
    const dead = await insertJob(null);
    const live = await insertJob(`${hostname()}:${process.ppid}:other-process`);
    for (const id of [dead, live]) {
      await sql.raw(`CREATE TABLE import_stage_${id} (row_no int, id_number text)`).execute(ctx.db);
      await sql.raw(`INSERT INTO import_stage_${id} SELECT g, '52262819800101' || lpad(g::text, 4, '0') FROM generate_series(1, 500) g`).execute(ctx.db);
    }
    const uploads = join(dataDir, 'uploads');
    const expired = join(uploads, 'expired.xlsx');
    const recent = join(uploads, 'recent.xlsx');
    await writeFile(expired, 'old upload');
    await writeFile(recent, 'new upload');
    const fortyDaysAgo = new Date(Date.now() - 40 * 86_400_000);
    await utimes(expired, fortyDaysAgo, fortyDaysAgo);
    const old = await insertJob(null, 40);
    await sql`UPDATE import_job SET status = 'validated', stored_file = ${expired}, finished_at = now() - interval '40 days' WHERE id = ${old}`.execute(ctx.db);

    // A CLI command prepares the database first: it must leave every running import alone.
    await prepareDatabase(tdb.database, undefined, { prefix: '52' });
    const status = async (id: string) => (await sql<{ status: string; errors: { reason: string }[]; stored_file: string | null }>`SELECT status, errors, stored_file FROM import_job WHERE id = ${id}`.execute(ctx.db)).rows[0]!;
    expect((await status(dead)).status).toBe('running');

    const server = await startServer(ctx);
    await server.close();
    expect(await status(dead)).toMatchObject({ status: 'failed', errors: [{ reason: '服务重启，导入中止' }] });
    expect((await status(live)).status).toBe('running');
    const stages = await sql<{ name: string }>`SELECT tablename AS name FROM pg_tables WHERE tablename LIKE 'import_stage_%'`.execute(ctx.db);
    expect(stages.rows.map((r) => r.name)).toEqual([`import_stage_${live}`]);
    expect(existsSync(expired)).toBe(false);
    expect((await status(old)).stored_file).toBeNull();
    expect(existsSync(recent)).toBe(true);
    await sql`UPDATE import_job SET status = 'failed' WHERE id = ${live}`.execute(ctx.db);
    await sql.raw(`DROP TABLE import_stage_${live}`).execute(ctx.db);
  });
});

describe('shutdown', () => {
  it('13.3c a shutdown during an import ends it failed with a reason, closes the pool and returns within seconds', async () => {
    const server = await startServer(ctx);
    const line = (i: number) => HEADERS.map((h) => (h.startsWith('迁出地村代码') ? VILLAGE_A : `${i}`)).join(',');
    const big = `${HEADERS.join(',')}\n${Array.from({ length: 60_000 }, (_, i) => line(i)).join('\n')}\n`;
    const res = await upload('大文件.csv', big, server);
    expect(res.statusCode, res.body).toBe(202);
    const jobId = res.json().jobId as string;
    for (let i = 0; i < 600 && (await getJob(jobId, server)).rows < 10_000; i++) await new Promise((r) => setTimeout(r, 20));
    const { shutdownServer } = (await import('../../src/server.js')) as { shutdownServer?: (app: FastifyInstance, ctx: unknown, graceMs?: number) => Promise<void> };
    expect(shutdownServer).toBeTypeOf('function');
    await shutdownServer!(server, ctx, 5000);
    expect(tdb.database.pool.ended).toBe(true);
    const reopened = await openDatabase(tdb.url ? { databaseUrl: tdb.url } : { pglite: tdb.database.pglite! });
    try {
      const job = await reopened.db.selectFrom('import_job').select(['status', 'errors']).where('id', '=', jobId).executeTakeFirstOrThrow();
      expect(job).toMatchObject({ status: 'failed', errors: [{ reason: '服务关闭，导入中止' }] });
    } finally {
      await reopened.close();
    }
  });
});
