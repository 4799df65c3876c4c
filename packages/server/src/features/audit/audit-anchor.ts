/**
 * The chain checked against its signed checkpoints (audit-checkpoints.ts): every checkpointed
 * entry must still be there with the same hash and the same number of entries up to it, and the
 * chain must go on past the last checkpoint. That catches what the chain alone cannot: its end
 * cut off, the table emptied, or the whole chain recomputed after an edit.
 */
import type { AppContext } from '../../platform/context.js';
import { auditEntryHash, type AuditRow } from './audit-repo.js';
import { appendCheckpoint, readCheckpoints, type Checkpoint } from './audit-checkpoints.js';
import { CHAIN_START, walkAuditChain, type ChainFault, type ChainPoint } from './audit-verify.js';

export type AuditCheckResult =
  | { ok: true; entries: number; lastHash: string; checkpoint?: number }
  | { ok: false; entries: number; brokenId?: string; reason: string; missing?: number };

function missingSince(c: Checkpoint, present: number): ChainFault & { missing: number } {
  const missing = c.count - present;
  return {
    ok: false,
    entries: present,
    brokenId: c.lastId,
    missing,
    reason: `自检查点 ${c.seq} 以来缺少 ${missing} 条记录（该检查点记到第 ${c.lastId} 条、共 ${c.count} 条，现仅存 ${present} 条）`,
  };
}

function altered(c: Checkpoint, row: AuditRow, at: ChainPoint): ChainFault {
  return {
    ok: false,
    entries: at.count,
    brokenId: row.id,
    reason: `第 ${row.id} 条记录与检查点 ${c.seq} 不符（检查点时共 ${c.count} 条，现为第 ${at.count} 条；其前的记录被改写或删除后重算了哈希链）`,
  };
}

const before = (a: string, b: string) => BigInt(a) < BigInt(b);

/** `anju audit verify`: the whole chain, then the checkpoints; on success, a new checkpoint. */
export async function verifyAudit(ctx: AppContext): Promise<AuditCheckResult> {
  const file = await readCheckpoints(ctx.config);
  if (!file.ok) return { ok: false, entries: 0, reason: `检查点文件第 ${file.line} 行校验失败（被改动或伪造，或审计密钥已更换）` };
  const pending = file.checkpoints;
  let next = 0;
  const walked = await walkAuditChain(ctx.db, CHAIN_START, (row, at) => {
    const c = pending[next];
    // The walk went past a checkpointed entry without meeting it: that entry is gone.
    if (c && before(c.lastId, row.id)) return missingSince(c, at.count - 1);
    for (let met = pending[next]; met?.lastId === row.id; met = pending[++next]) {
      if (met.hash !== row.hash || met.count !== at.count) return altered(met, row, at);
    }
    return undefined;
  });
  if (!walked.ok) return walked;
  const unmet = pending[next];
  if (unmet) return missingSince(unmet, walked.end.count);
  const last = pending.at(-1);
  let checkpoint = last?.seq;
  if (walked.end.count > 0 && last?.lastId !== walked.end.id) {
    checkpoint = (await appendCheckpoint(ctx.config, pending.length, walked.end, ctx.now())).seq;
  }
  return { ok: true, entries: walked.end.count, lastHash: walked.end.hash, checkpoint };
}

/**
 * The periodic checkpoint: checks only the entries since the last checkpoint, so it stays cheap
 * on a long log, and writes nothing when they do not link up (the log says why).
 */
export async function checkpointAudit(ctx: AppContext): Promise<{ written?: Checkpoint; fault?: string }> {
  const file = await readCheckpoints(ctx.config);
  if (!file.ok) return { fault: `检查点文件第 ${file.line} 行校验失败` };
  const last = file.checkpoints.at(-1);
  let from = CHAIN_START;
  if (last) {
    if ((await auditEntryHash(ctx.db, last.lastId)) !== last.hash) return { fault: `检查点 ${last.seq} 记录的第 ${last.lastId} 条已被删除或改写` };
    from = { id: last.lastId, hash: last.hash, count: last.count };
  }
  const walked = await walkAuditChain(ctx.db, from);
  if (!walked.ok) return { fault: `第 ${walked.brokenId} 条：${walked.reason}` };
  if (walked.end.id === from.id) return {};
  return { written: await appendCheckpoint(ctx.config, file.checkpoints.length, walked.end, ctx.now()) };
}

/** Every ANJU_AUDIT_CHECKPOINT_MINUTES while the server runs, and once at its start. */
export function scheduleAuditCheckpoints(ctx: AppContext, log: (line: string) => void): () => void {
  const run = () => {
    checkpointAudit(ctx)
      .then((r) => r.fault && log(`审计日志检查点未写入：${r.fault}`))
      .catch((error: unknown) => log(`审计日志检查点写入失败：${String(error)}`));
  };
  run();
  const timer = setInterval(run, ctx.config.auditCheckpointMinutes * 60_000);
  timer.unref();
  return () => clearInterval(timer);
}
