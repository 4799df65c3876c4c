/**
 * Streaming readers for .xlsx and .csv ledgers. They find the header row under any merged title
 * rows, map the file's columns onto the ledger's, skip blank rows and subtotal rows and hand over
 * raw cells, so a 1,000,000-row file is read in bounded memory.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Transform } from 'node:stream';
import ExcelJS from './exceljs.js';
import { parse } from 'csv-parse';
import { cellText, isBlank, normalizeHeader, type LedgerDefinition, type RawCell } from '@anju/core';
import { ValidationError } from '../../platform/errors.js';
import { ReadBudget, limitSharedStrings } from './read-budget.js';

export type FileFormat = 'xlsx' | 'csv';

export interface SheetRow {
  /** 1-based row number as the user sees it in Excel. */
  rowNo: number;
  /** Cells in the ledger's column order. */
  cells: RawCell[];
}

/** A row passed over without an error, and why: the import report lists it. */
export interface RowNote {
  row: number;
  reason: string;
}

const HEADER_SEARCH_ROWS = 20;

export function formatOf(fileName: string): FileFormat {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.csv')) return 'csv';
  throw new ValidationError(`不支持的文件类型：${fileName}（请使用 .xlsx 或 .csv）`, [{ path: 'file', message: '仅支持 .xlsx 和 .csv' }]);
}

/** exceljs hands rich text, formulas and hyperlinks as objects; keep what a person sees. */
function plainCell(value: unknown): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string };
    if (v.richText) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return plainCell(v.result);
    if (v.text !== undefined) return plainCell(v.text);
    if (v.error) return null;
  }
  return String(value);
}

/** Finds the header row and maps each ledger column to its position in the file. */
class HeaderMatcher {
  private seen = 0;
  mapping: number[] | undefined;
  constructor(private readonly ledger: LedgerDefinition<unknown>) {}

  /** Returns true when this row was the header row. */
  offer(cells: RawCell[]): boolean {
    this.seen++;
    const headers = cells.map((c) => (typeof c === 'string' ? normalizeHeader(c) : ''));
    const positions = this.ledger.columns.map((col) => headers.indexOf(normalizeHeader(col.header)));
    const found = positions.filter((p) => p >= 0).length;
    if (found >= Math.min(3, this.ledger.columns.length)) {
      const missing = this.ledger.columns.filter((c, i) => c.required && positions[i]! < 0).map((c) => c.header);
      if (missing.length > 0) {
        throw new ValidationError(`表头缺少必填列：${missing.join('、')}（请使用${this.ledger.title}模板）`, missing.map((m) => ({ path: m, message: '缺少此列' })));
      }
      this.mapping = positions;
      return true;
    }
    if (this.seen >= HEADER_SEARCH_ROWS) {
      throw new ValidationError(`前${HEADER_SEARCH_ROWS}行中找不到${this.ledger.title}的表头（如“${this.ledger.columns[0]!.header}”），请使用下载的模板`);
    }
    return false;
  }

  pick(cells: RawCell[]): RawCell[] {
    return this.mapping!.map((p) => (p >= 0 ? cells[p] : null));
  }
}

async function* xlsxRows(path: string, budget: ReadBudget): AsyncGenerator<{ rowNo: number; cells: RawCell[] }> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'emit' });
  limitSharedStrings(reader);
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const values = row.values as unknown[];
      // Counted before the cells are built: one cell at column XFD makes a 16,384-long row.
      budget.row(row.number, Math.max(values.length - 1, 0));
      const cells: RawCell[] = [];
      for (let i = 1; i < values.length; i++) cells.push(plainCell(values[i]));
      yield { rowNo: row.number, cells };
    }
    return; // the first worksheet is the ledger
  }
}

/** Office CSVs are often GB18030 (what Excel saves on Chinese Windows); detect and decode. */
async function detectEncoding(path: string): Promise<'utf-8' | 'gb18030'> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(65_536);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    // Cut back to a character boundary before testing: the sample may end mid-character.
    let end = bytesRead;
    while (end > 0 && end > bytesRead - 4 && (buffer[end - 1]! & 0xc0) === 0x80) end--;
    if (end > 0 && buffer[end - 1]! >= 0xc0) end--;
    new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, end));
    return 'utf-8';
  } catch {
    return 'gb18030';
  } finally {
    await handle.close();
  }
}

function decoder(encoding: string): Transform {
  const textDecoder = new TextDecoder(encoding);
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      done(null, textDecoder.decode(chunk, { stream: true }));
    },
    flush(done) {
      done(null, textDecoder.decode());
    },
  });
}

/** One CSV record may not exceed this many characters (csv-parse would buffer a line without end). */
const MAX_CSV_RECORD_CHARS = 1024 * 1024;

async function* csvRows(path: string, budget: ReadBudget): AsyncGenerator<{ rowNo: number; cells: RawCell[] }> {
  const encoding = await detectEncoding(path);
  const parser = createReadStream(path)
    .pipe(decoder(encoding))
    .pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: false, info: true, max_record_size: MAX_CSV_RECORD_CHARS }));
  try {
    for await (const record of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      budget.row(record.info.lines, record.record.length);
      yield { rowNo: record.info.lines, cells: record.record };
    }
  } catch (error) {
    if ((error as { code?: string }).code !== 'CSV_MAX_RECORD_SIZE') throw error;
    throw new ValidationError(`CSV 中有一行超过 ${MAX_CSV_RECORD_CHARS.toLocaleString()} 个字符（可能缺少换行或引号未闭合），请检查文件`, [{ path: 'file', message: '单行过长' }]);
  }
}

// Offices sum their ledgers in the sheet itself: a row labelled 小计, 合计 or 总计 (also spaced
// out, 合　计, or after a township's name, 蓼皋街道小计) in one of its first cells (序号, 户编号 …)
// carries sums, not a record. The cells that lead every ledger (codes, ID numbers, a name) do
// not hold these words.
const TOTAL_LABEL = /小计|合计|总计/;
const TOTAL_LABEL_CELLS = 3;

function totalLabel(cells: RawCell[]): string | undefined {
  for (const cell of cells.slice(0, TOTAL_LABEL_CELLS)) {
    if (typeof cell === 'string' && TOTAL_LABEL.test(cell.replace(/\s/g, ''))) return cellText(cell);
  }
  return undefined;
}

/**
 * The data rows of a ledger file, in order, blank rows skipped; subtotal and total rows skipped
 * too, each told to `onSkipped` (the runner notes them in the report).
 */
export async function* readLedgerFile(path: string, format: FileFormat, ledger: LedgerDefinition<unknown>, onSkipped?: (note: RowNote) => void): AsyncGenerator<SheetRow> {
  const matcher = new HeaderMatcher(ledger);
  const budget = new ReadBudget();
  const source = format === 'xlsx' ? xlsxRows(path, budget) : csvRows(path, budget);
  for await (const { rowNo, cells } of source) {
    if (!matcher.mapping) {
      matcher.offer(cells);
      continue;
    }
    if (cells.every(isBlank)) continue;
    const label = totalLabel(cells);
    if (label !== undefined) {
      onSkipped?.({ row: rowNo, reason: `“${label}”为小计/合计行，已跳过` });
      continue;
    }
    yield { rowNo, cells: matcher.pick(cells) };
  }
  if (!matcher.mapping) throw new ValidationError(`文件中没有找到${ledger.title}的表头，请使用下载的模板`);
}
