import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { auditBatchAfter, importChangesDigest, type AuditRow } from './audit-repo.js';
import { auditHash, GENESIS_HASH } from './audit-hash.js';

export type AuditVerifyResult =
  | { ok: true; entries: number; lastHash: string }
  | { ok: false; entries: number; brokenId: string; reason: string };

/** A place in the chain: after the entry `id`, the `count`-th, whose hash is `hash`. */
export interface ChainPoint {
  id: string;
  hash: string;
  count: number;
}

export const CHAIN_START: ChainPoint = { id: '0', hash: GENESIS_HASH, count: 0 };

export type ChainFault = { ok: false; entries: number; brokenId: string; reason: string };

/**
 * Walks the chain in id order from `from`; the first entry whose hash or link does not match is
 * named. `visit` sees each good entry with its place and may stop the walk with a fault.
 */
export async function walkAuditChain(
  db: Kysely<DB>,
  from: ChainPoint,
  visit?: (row: AuditRow, at: ChainPoint) => ChainFault | undefined,
): Promise<{ ok: true; end: ChainPoint } | ChainFault> {
  let at = from;
  for (;;) {
    const batch = await auditBatchAfter(db, at.id, 5000);
    if (batch.length === 0) return { ok: true, end: at };
    for (const row of batch) {
      // Ids may skip (a rolled-back transaction consumes one); a deleted entry shows as a broken link.
      if (row.prev_hash !== at.hash) {
        return { ok: false, entries: at.count, brokenId: row.id, reason: '与上一条记录的哈希链接不一致（其前记录被删除或修改）' };
      }
      const expected = auditHash(at.hash, {
        id: row.id,
        at: row.at,
        userId: row.user_id,
        username: row.username,
        action: row.action,
        entity: row.entity,
        entityId: row.entity_id,
        divisionCode: row.division_code,
        before: row.before,
        after: row.after,
      });
      if (expected !== row.hash) return { ok: false, entries: at.count, brokenId: row.id, reason: '记录内容与哈希不符（被篡改）' };
      const recorded = (row.after as { changes?: { digest: string } } | null)?.changes;
      if (row.action === 'import' && recorded && row.entity_id) {
        const actual = await importChangesDigest(db, row.entity_id);
        if (actual.digest !== recorded.digest) return { ok: false, entries: at.count, brokenId: row.id, reason: '该次导入的逐行变更明细与审计记录不符（被篡改）' };
      }
      at = { id: row.id, hash: row.hash, count: at.count + 1 };
      const fault = visit?.(row, at);
      if (fault) return fault;
    }
  }
}

/**
 * The chain alone: whole in itself from the first entry to the last. Cutting entries off its
 * end or emptying it passes this check; the signed checkpoints (audit-anchor.ts) catch that.
 */
export async function verifyAuditChain(db: Kysely<DB>): Promise<AuditVerifyResult> {
  const walked = await walkAuditChain(db, CHAIN_START);
  return walked.ok ? { ok: true, entries: walked.end.count, lastHash: walked.end.hash } : walked;
}
