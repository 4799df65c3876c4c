/**
 * A ledger (台账) is a spreadsheet layout that offices exchange: Chinese headers in a fixed
 * order, one record per row. Each column knows how to read its cell into an input field.
 */
import type { z } from 'zod';
import { CellError, cellBool, cellCode, cellDate, cellFreeText, cellInt, cellList, cellName, cellNumber, cellText, isBlank, type RawCell } from './cell-values.js';

/** 'name': a person's name, text whose ideographic padding is dropped (赵　六 → 赵六). */
export type ColumnKind = 'text' | 'name' | 'code' | 'date' | 'int' | 'number' | 'bool' | 'list' | 'choice';

export interface LedgerColumn {
  key: string;
  header: string;
  kind: ColumnKind;
  required: boolean;
  /** For 'choice': the Chinese labels accepted (codes are accepted too). */
  labels?: Record<string, string>;
  note?: string;
  /** False for an optional column whose value the system needs (it can be changed, not erased). */
  clearable?: boolean;
}

/**
 * A blank cell leaves the stored value as it is; this marker in an optional column erases it
 * (the value becomes 未填写). The templates' 填写说明 say so.
 */
export const CLEAR_MARKER = '清空';

export interface LedgerDefinition<T> {
  name: string;
  title: string;
  columns: LedgerColumn[];
  /** Validates the record built from the cells; messages name the field in Chinese. */
  schema: z.ZodType<T>;
}

export interface RowIssue {
  column: string;
  value: string;
  reason: string;
}

const choiceMaps = new WeakMap<LedgerColumn, Map<string, string>>();

/** Label or code → code, built once per column. */
function choicesOf(column: LedgerColumn): Map<string, string> {
  let map = choiceMaps.get(column);
  if (!map) {
    map = new Map(Object.entries(column.labels ?? {}).flatMap(([code, label]) => [[label, code], [code, code]] as [string, string][]));
    choiceMaps.set(column, map);
  }
  return map;
}

function readCell(column: LedgerColumn, cell: RawCell): unknown {
  switch (column.kind) {
    case 'text':
      return cellFreeText(cell, column.header);
    case 'name':
      return cellName(cell, column.header);
    case 'code':
      return cellCode(cell, column.header);
    case 'date':
      return cellDate(cell, column.header);
    case 'int':
      return cellInt(cell, column.header);
    case 'number':
      return cellNumber(cell, column.header);
    case 'bool':
      return cellBool(cell, column.header);
    case 'list':
      return cellList(cell);
    case 'choice': {
      const text = cellText(cell);
      const code = choicesOf(column).get(text);
      if (code === undefined) throw new CellError(`${column.header}“${text}”须为：${Object.values(column.labels ?? {}).join('、')}`);
      return code;
    }
  }
}

/** Cells to a validated record, or every problem in the row (never only the first). */
export function readRow<T>(ledger: LedgerDefinition<T>, cells: RawCell[]): { ok: true; value: T } | { ok: false; issues: RowIssue[] } {
  const record: Record<string, unknown> = {};
  const issues: RowIssue[] = [];
  ledger.columns.forEach((column, i) => {
    const cell = cells[i];
    if (isBlank(cell)) {
      if (column.required) issues.push({ column: column.header, value: '', reason: `${column.header}不能为空` });
      return;
    }
    if (cellText(cell) === CLEAR_MARKER) {
      if (column.required || column.clearable === false) issues.push({ column: column.header, value: CLEAR_MARKER, reason: `${column.header}不能清空` });
      else record[column.key] = null;
      return;
    }
    try {
      record[column.key] = readCell(column, cell);
    } catch (error) {
      if (!(error instanceof CellError)) throw error;
      issues.push({ column: column.header, value: cellText(cell), reason: error.message });
    }
  });
  const failed = new Set(issues.map((i) => i.column));
  const parsed = ledger.schema.safeParse(record);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const column = ledger.columns.find((c) => c.key === issue.path[0]);
      const header = column?.header ?? String(issue.path[0] ?? '');
      if (failed.has(header)) continue; // the cell itself was already reported
      const index = column ? ledger.columns.indexOf(column) : -1;
      issues.push({ column: header, value: index >= 0 ? cellText(cells[index]) : '', reason: issue.message });
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, value: parsed.data as T };
}

/** Header text as people type it: '身份证号*', ' 身份证号 ' and '身份证号（必填）' are one header. */
export function normalizeHeader(text: string): string {
  return cellText(text).replace(/[*＊\s]/g, '').replace(/[（(]必填[)）]/g, '');
}
