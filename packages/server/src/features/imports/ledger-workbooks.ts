/**
 * Writing ledgers: blank templates with notes, exports, and the error copy of an uploaded file.
 * All through exceljs's streaming writer, so a million-row export stays in bounded memory.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type * as ExcelTypes from 'exceljs';
import ExcelJS from './exceljs.js';
import { CLEAR_MARKER, cellText, maskIdNumber, neutralizeFormula, normalizeCode, type LedgerColumn, type LedgerDefinition, type RawCell } from '@anju/core';
import type { FileFormat, SheetRow } from './file-readers.js';

const KIND_HINT: Record<LedgerColumn['kind'], string> = {
  text: '文本',
  name: '文本（汉字间用于对齐的全角空格不计入姓名）',
  code: '文本（请将单元格设为文本格式）',
  date: '日期 YYYY-MM-DD',
  int: '整数',
  number: '数字',
  bool: '是 / 否',
  list: '多个用顿号“、”分隔',
  choice: '从下列选项中选择',
};

/** How blank cells are read (ledger.ts readRow), printed under every template's notes. */
export const BLANK_CELL_RULE = `选填列留空：保留系统中已有的值，新记录记为“未填写”。要清除已有的值，请在该单元格填写“${CLEAR_MARKER}”。`;

export function headerOf(column: LedgerColumn): string {
  return column.required ? `${column.header}*` : column.header;
}

/** A record's value as a person types it in the ledger: labels, not codes; 是/否, not true/false. */
export function displayValue(column: LedgerColumn, value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (column.kind === 'choice') return column.labels?.[String(value)] ?? String(value);
  if (column.kind === 'bool') return value ? '是' : '否';
  if (column.kind === 'list') return (value as string[]).join('、');
  if (column.kind === 'int' || column.kind === 'number') return Number(value);
  return String(value);
}

export async function writeTemplate(ledger: LedgerDefinition<unknown>, path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(ledger.title);
  sheet.addRow(ledger.columns.map(headerOf)).font = { bold: true };
  ledger.columns.forEach((column, i) => {
    sheet.getColumn(i + 1).width = Math.max(12, column.header.length * 2 + 4);
    // Codes as text from the start, so Excel never rounds an ID number.
    if (column.kind === 'code') sheet.getColumn(i + 1).numFmt = '@';
  });
  const notes = workbook.addWorksheet('填写说明');
  notes.addRow(['列名', '是否必填', '格式', '可选值', '说明']).font = { bold: true };
  for (const column of ledger.columns) {
    notes.addRow([column.header, column.required ? '必填' : '选填', KIND_HINT[column.kind], column.labels ? Object.values(column.labels).join('、') : '', column.note ?? '']);
  }
  notes.addRow([]);
  notes.addRow([BLANK_CELL_RULE]);
  notes.columns.forEach((c) => (c.width = 24));
  await workbook.xlsx.writeFile(path);
}

/**
 * Streams rows of display values to .xlsx or .csv (UTF-8 with BOM, so Excel opens it right).
 * Formula injection (finding 13.4): in .csv, text that starts with = + - @ TAB or CR gets a
 * leading ' (neutralizeFormula); in .xlsx every string is written as a string cell, which no
 * spreadsheet runs (exceljs writes a formula only for a { formula } value, which add() does not
 * take). Numbers are numbers in both, so a negative amount stays a negative number.
 */
export class LedgerWriter {
  private xlsx?: ExcelTypes.stream.xlsx.WorkbookWriter;
  private sheet?: ExcelTypes.Worksheet;
  private csv?: ReturnType<typeof createWriteStream>;
  /** An error of the file stream (a missing folder, a full disk), raised at the next add or close. */
  private failure?: Error;

  constructor(
    private readonly format: FileFormat,
    path: string,
    title: string,
    headers: string[],
  ) {
    if (format === 'xlsx') {
      this.xlsx = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false, useStyles: true });
      this.sheet = this.xlsx.addWorksheet(title);
      this.sheet.addRow(headers).commit();
    } else {
      this.csv = createWriteStream(path);
      // Opening fails after the constructor returns: without a listener the error went unhandled
      // and close() waited for a 'finish' that never came (an export to a missing folder hung).
      this.csv.on('error', (error) => (this.failure = error));
      this.csv.write('\ufeff' + csvRow(headers));
    }
  }

  async add(values: (string | number | null)[]): Promise<void> {
    if (this.sheet) {
      this.sheet.addRow(values).commit();
      return;
    }
    if (this.failure) throw this.failure;
    if (!this.csv!.write(csvRow(values))) await once(this.csv!, 'drain');
  }

  async close(): Promise<void> {
    if (this.xlsx) {
      this.sheet!.commit();
      await this.xlsx.commit();
      return;
    }
    this.csv!.end();
    await finished(this.csv!);
  }
}

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = typeof value === 'string' ? neutralizeFormula(value) : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csvRow(values: (string | number | null)[]): string {
  return values.map(csvCell).join(',') + '\r\n';
}

const shownCell = (cell: RawCell) => (cell instanceof Date ? cell.toISOString().slice(0, 10) : typeof cell === 'number' ? cell : cellText(cell));

/** The uploaded rows again, in the ledger's layout, with each row's errors in a last column. */
export async function writeErrorWorkbook(
  ledger: LedgerDefinition<unknown>,
  rows: AsyncIterable<SheetRow>,
  errorsByRow: Map<number, string[]>,
  path: string,
): Promise<void> {
  const writer = new LedgerWriter('xlsx', path, `${ledger.title}（错误标注）`, ['原行号', ...ledger.columns.map(headerOf), '错误说明']);
  for await (const { rowNo, cells } of rows) {
    await writer.add([rowNo, ...cells.map(shownCell), (errorsByRow.get(rowNo) ?? []).join('；') || null]);
  }
  await writer.close();
}

/**
 * The rows of a department list that matched nobody, in the list's layout with the reason last.
 * ID numbers are masked for importers whose role may not see them in clear.
 */
export async function writeUnmatchedWorkbook(
  ledger: LedgerDefinition<unknown>,
  rows: AsyncIterable<SheetRow>,
  reasons: Map<number, string>,
  path: string,
  maskIds: boolean,
): Promise<void> {
  const writer = new LedgerWriter('xlsx', path, `${ledger.title}（未匹配）`, ['原行号', ...ledger.columns.map((c) => c.header), '未匹配原因']);
  const idColumn = ledger.columns.findIndex((c) => c.key === 'idNumber');
  for await (const { rowNo, cells } of rows) {
    const reason = reasons.get(rowNo);
    if (reason === undefined) continue;
    const values = cells.map(shownCell);
    const id = values[idColumn];
    if (maskIds && id !== undefined && id !== null) values[idColumn] = maskIdNumber(normalizeCode(String(id)));
    await writer.add([rowNo, ...values, reason]);
  }
  await writer.close();
}
