import { can, exportableLedgers, ledgers, maskRecord, PERIOD_PATTERN, type ExportableLedgerName, type LedgerName } from '@anju/core';
import type { AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/actor.js';
import { ForbiddenError, ValidationError } from '../../platform/errors.js';
import { appendAudit } from '../audit/audit-repo.js';
import { divisionExists } from '../divisions/division-repo.js';
import { exportBatches } from './export-repo.js';
import type { FileFormat } from './file-readers.js';
import { displayValue, headerOf, LedgerWriter } from './ledger-workbooks.js';

export interface ExportRequest {
  ledger: LedgerName;
  divisionCode: string;
  format: FileFormat;
  path: string;
  /** Required for the labour ledger (one file per period). */
  period?: string;
  onProgress?: (rows: number) => void;
}

/**
 * Exports a ledger for a division inside the user's own. ID numbers, phones, birth dates and
 * incomes are in clear only for roles allowed to see them, and the export itself is audited.
 */
export async function exportLedger(ctx: AppContext, actor: Actor, request: ExportRequest): Promise<{ rows: number; masked: boolean }> {
  if (!can(actor.role, 'registry.read')) throw new ForbiddenError('无权导出台账');
  if (!request.divisionCode.startsWith(actor.divisionCode)) throw new ForbiddenError('导出范围超出本人管辖范围');
  if (request.divisionCode && !(await divisionExists(ctx.db, request.divisionCode))) {
    throw new ValidationError(`行政区划代码 ${request.divisionCode} 不存在`, [{ path: 'divisionCode', message: '行政区划代码不存在' }]);
  }
  if (!(exportableLedgers as readonly string[]).includes(request.ledger)) {
    throw new ValidationError(`${ledgers[request.ledger].title}只能导入，不能导出`, [{ path: 'ledger', message: '该台账不能导出' }]);
  }
  if (request.ledger === 'labour' && !(request.period && PERIOD_PATTERN.test(request.period))) {
    throw new ValidationError('导出劳动力台账须指定期别（YYYY-MM）', [{ path: 'period', message: '请选择期别' }]);
  }
  const ledger = ledgers[request.ledger];
  const masked = !can(actor.role, 'personal.unmask');
  const writer = new LedgerWriter(request.format, request.path, ledger.title, ledger.columns.map(headerOf));
  let rows = 0;
  try {
    for await (const batch of exportBatches(ctx.db, request.ledger as ExportableLedgerName, request.divisionCode, request.period)) {
      for (const row of batch) {
        // ID numbers and phones masked, birth dates and incomes blank, as on the records themselves.
        const record = masked ? (maskRecord(row) as typeof row) : row;
        await writer.add(ledger.columns.map((c) => displayValue(c, record[c.key])));
      }
      rows += batch.length;
      request.onProgress?.(rows);
    }
  } finally {
    await writer.close();
  }
  await ctx.db.transaction().execute((trx) =>
    appendAudit(trx, { userId: actor.userId, username: actor.username, action: 'export', entity: 'ledger', entityId: request.ledger, divisionCode: request.divisionCode, before: null, after: { rows, format: request.format, masked, ...(request.period ? { period: request.period } : {}) } }),
  );
  return { rows, masked };
}
