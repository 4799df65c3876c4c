import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, testContext, type TestDatabase } from '../../../test/test-database.js';
import { addUser } from '../../../test/api-client.js';
import { TOWNSHIP_A } from '../../../test/factories.js';
import { checkpointAudit, verifyAudit } from './audit-anchor.js';

let tdb: TestDatabase;
let ctx: ReturnType<typeof testContext>;

beforeAll(async () => {
  tdb = await createTestDatabase();
  ctx = testContext(tdb.database, { dataDir: await mkdtemp(join(tmpdir(), 'anju-anchor-')) });
});
afterAll(async () => {
  await tdb.close();
});

const lines = async () => (await readFile(join(ctx.config.dataDir, 'audit-checkpoints.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l) as { seq: number; count: number; at: string });

describe('audit checkpoints', () => {
  it('writes a checkpoint only when the chain has grown, checking just the new entries', async () => {
    await addUser(ctx, 'anchor-a', 'clerk', TOWNSHIP_A);
    const first = await checkpointAudit(ctx);
    expect(first.written).toMatchObject({ seq: 1, at: '2026-06-01T08:00:00.000Z' });
    expect(await checkpointAudit(ctx)).toEqual({});
    await addUser(ctx, 'anchor-b', 'clerk', TOWNSHIP_A);
    ctx.clock.now = new Date('2026-06-01T08:10:00Z');
    const second = await checkpointAudit(ctx);
    expect(second.written).toMatchObject({ seq: 2, count: first.written!.count + 1, at: '2026-06-01T08:10:00.000Z' });
    expect((await lines()).map((l) => l.seq)).toEqual([1, 2]);
    expect(await verifyAudit(ctx)).toMatchObject({ ok: true, checkpoint: 2 });
  });

  it('refuses to sign a chain whose checkpointed end was cut off, and says why', async () => {
    await sql`ALTER TABLE audit_log DISABLE TRIGGER USER`.execute(ctx.db);
    await sql`DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)`.execute(ctx.db);
    await sql`ALTER TABLE audit_log ENABLE TRIGGER USER`.execute(ctx.db);
    await addUser(ctx, 'anchor-c', 'clerk', TOWNSHIP_A);
    expect((await checkpointAudit(ctx)).fault).toMatch(/检查点 2 记录的第 \d+ 条已被删除或改写/);
    expect(await lines()).toHaveLength(2);
    expect(await verifyAudit(ctx)).toMatchObject({ ok: false, reason: expect.stringMatching(/自检查点 2 以来缺少 1 条记录/) });
  });

  it('takes the key from ANJU_AUDIT_KEY when set, and then writes no key file', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'anju-anchor-'));
    const keyed = testContext(tdb.database, { dataDir, auditKey: 'k'.repeat(40) });
    await checkpointAudit(keyed);
    expect(await readdir(dataDir)).toEqual(['audit-checkpoints.jsonl']);
    // A different key does not accept the checkpoints the first one signed.
    const other = testContext(tdb.database, { dataDir, auditKey: 'x'.repeat(40) });
    expect(await verifyAudit(other)).toMatchObject({ ok: false, reason: expect.stringMatching(/检查点文件第 1 行校验失败/) });
  });
});
