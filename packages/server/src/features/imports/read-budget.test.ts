/** The limits counted while a ledger streams: rows, columns, cells and exceljs's shared strings. */
import { describe, expect, it } from 'vitest';
import { IMPORT_LIMITS, ImportLimitError } from './import-limits.js';
import { limitSharedStrings, ReadBudget } from './read-budget.js';

describe('read budget', () => {
  it('13.3 stops at the row limit, naming it', () => {
    const budget = new ReadBudget();
    for (let i = 1; i <= IMPORT_LIMITS.maxRows; i++) budget.row(i, 1);
    expect(() => budget.row(IMPORT_LIMITS.maxRows + 1, 1)).toThrow('文件行数超过上限（1,048,576 行）');
  });

  it('13.3 stops a row wider than the column limit and a file past the cell limit', () => {
    expect(() => new ReadBudget().row(7, 16_384)).toThrow('第7行有 16,384 列，超过列数上限（256 列）');
    const budget = new ReadBudget();
    const perRow = IMPORT_LIMITS.maxColumns;
    const rows = Math.floor(IMPORT_LIMITS.maxCells / perRow);
    for (let i = 1; i <= rows; i++) budget.row(i, perRow);
    expect(() => budget.row(rows + 1, perRow)).toThrow(ImportLimitError);
  });

  it('13.3a the shared strings exceljs caches stop at their limit', () => {
    const reader: { sharedStrings?: unknown[] } = {};
    limitSharedStrings(reader);
    reader.sharedStrings = [];
    for (let i = 0; i < IMPORT_LIMITS.maxSharedStrings; i++) reader.sharedStrings.push('甲');
    expect(() => reader.sharedStrings!.push('乙')).toThrow('共享字符串超过上限（3,000,000 个）');
    expect(reader.sharedStrings[0]).toBe('甲');
  });
});
