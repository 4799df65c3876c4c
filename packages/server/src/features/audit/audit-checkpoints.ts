/**
 * Signed checkpoints of the audit chain, kept outside the database. The chain's hash has no key,
 * so whoever can write to the database can recompute it after any edit, or cut entries off its
 * end; a checkpoint records where the chain stood (last id, its hash, the number of entries)
 * with an HMAC whose key is not in the database, so such a rewrite no longer matches and a
 * checkpoint cannot be forged without the key.
 *
 * The key is ANJU_AUDIT_KEY when set (a secret store; several servers sharing one log), else a
 * random key in <data dir>/audit.key, made on first use with mode 0600: it works with no setup
 * and keeps the key away from every database user. Whoever can read the server's files can
 * read that key too; ANJU_AUDIT_CHECKPOINT_FILE can put the checkpoints on other storage.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { appendFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Config } from '../../platform/config.js';
import { canonicalJson } from '../../platform/canonical-json.js';
import type { ChainPoint } from './audit-verify.js';

export interface Checkpoint {
  /** Its line in the file, from 1: what messages call 检查点 N. */
  seq: number;
  lastId: string;
  hash: string;
  count: number;
  at: string;
}

export type CheckpointFile = { ok: true; checkpoints: Checkpoint[] } | { ok: false; line: number };

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException).code === 'ENOENT';
}

function checkpointPath(config: Config): string {
  return config.auditCheckpointFile ?? join(config.dataDir, 'audit-checkpoints.jsonl');
}

async function auditKey(config: Config): Promise<Buffer> {
  if (config.auditKey) return Buffer.from(config.auditKey, 'utf8');
  const file = join(config.dataDir, 'audit.key');
  try {
    return Buffer.from((await readFile(file, 'utf8')).trim(), 'hex');
  } catch (error) {
    if (!isMissing(error)) throw error;
  }
  await mkdir(config.dataDir, { recursive: true });
  try {
    // 'wx': two processes starting at once must not each write a key of their own.
    await writeFile(file, randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return Buffer.from((await readFile(file, 'utf8')).trim(), 'hex');
}

function mac(key: Buffer, c: Checkpoint): string {
  return createHmac('sha256', key).update(canonicalJson(['anju-audit-checkpoint-1', c.seq, c.lastId, c.hash, c.count, c.at])).digest('hex');
}

function sameMac(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/** Every line must carry a valid HMAC; the first that does not is named. */
export async function readCheckpoints(config: Config): Promise<CheckpointFile> {
  let text: string;
  try {
    text = await readFile(checkpointPath(config), 'utf8');
  } catch (error) {
    if (isMissing(error)) return { ok: true, checkpoints: [] };
    throw error;
  }
  const key = await auditKey(config);
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const checkpoints: Checkpoint[] = [];
  for (const [i, line] of lines.entries()) {
    let parsed: Checkpoint & { mac?: unknown };
    try {
      parsed = JSON.parse(line) as Checkpoint & { mac?: unknown };
    } catch {
      return { ok: false, line: i + 1 };
    }
    const c: Checkpoint = { seq: parsed.seq, lastId: parsed.lastId, hash: parsed.hash, count: parsed.count, at: parsed.at };
    if (typeof parsed.mac !== 'string' || !sameMac(parsed.mac, mac(key, c))) return { ok: false, line: i + 1 };
    checkpoints.push(c);
  }
  // Two writers at once may append out of order; the chain position is what counts.
  checkpoints.sort((a, b) => a.count - b.count);
  return { ok: true, checkpoints };
}

/** Appends one signed line; the file is only ever appended to. */
export async function appendCheckpoint(config: Config, previous: number, point: ChainPoint, at: Date): Promise<Checkpoint> {
  const key = await auditKey(config);
  const c: Checkpoint = { seq: previous + 1, lastId: point.id, hash: point.hash, count: point.count, at: at.toISOString() };
  const file = checkpointPath(config);
  await mkdir(dirname(file), { recursive: true });
  await appendFile(file, JSON.stringify({ ...c, mac: mac(key, c) }) + '\n', { mode: 0o600 });
  return c;
}
