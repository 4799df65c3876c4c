import { createHash } from 'node:crypto';
import { canonicalJson } from '../../platform/canonical-json.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntryFields {
  id: string;
  at: Date;
  userId: string | null;
  username: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  divisionCode: string | null;
  before: unknown;
  after: unknown;
}

/** Each entry's hash covers its own fields and the previous entry's hash. */
export function auditHash(prevHash: string, e: AuditEntryFields): string {
  const body = canonicalJson([
    e.id,
    e.at.toISOString(),
    e.userId === null ? null : String(e.userId),
    e.username,
    e.action,
    e.entity,
    e.entityId,
    e.divisionCode,
    e.before ?? null,
    e.after ?? null,
  ]);
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}
