/**
 * What one uploaded ledger may cost, in one place. A hostile 7.6 MB .xlsx (a few shared strings
 * repeated millions of times) took the server from 150 MB to 3.97 GB; these limits refuse such a
 * file before or while it is read, with a message that names the limit and its value.
 *
 * The sizes leave room for the largest real ledger: a county's 1,000,000-row persons file is
 * about 700 MB of sheet XML (Excel's own sheet limit is 1,048,576 rows), real sheets compress
 * 5–20 times, and deflate bombs 200–1,000 times.
 */
import { ValidationError } from '../../platform/errors.js';

export const IMPORT_LIMITS = {
  /** All entries of the .xlsx together, uncompressed. */
  maxUncompressedBytes: 2 * 1024 ** 3,
  /** Uncompressed ÷ compressed size of one entry (entries under 1 MB are not judged: headers dominate). */
  maxCompressionRatio: 100,
  ratioFloorBytes: 1024 ** 2,
  /** Entries in the zip (an Excel workbook has a dozen or two). */
  maxZipEntries: 1000,
  /** Rows read from the sheet or CSV, blank rows included (Excel's own limit). */
  maxRows: 1_048_576,
  /** Columns of one row (ledgers have at most a few dozen; Excel allows 16,384). */
  maxColumns: 256,
  /** Cells read in all, the product that decides the time a file takes. */
  maxCells: 60_000_000,
  /** Shared strings kept in memory while the sheet is read. */
  maxSharedStrings: 3_000_000,
} as const;

const MB = 1024 ** 2;

export class ImportLimitError extends ValidationError {}

export const limitMessages = {
  uncompressed: (bytes: number) => `文件解压后超过大小上限（${Math.round(IMPORT_LIMITS.maxUncompressedBytes / MB)} MB，本文件约 ${Math.round(bytes / MB)} MB），疑似压缩炸弹，已拒绝`,
  ratio: (entry: string, ratio: number) => `文件中“${entry}”的压缩比为 ${Math.round(ratio)} 倍，超过上限 ${IMPORT_LIMITS.maxCompressionRatio} 倍，疑似压缩炸弹，已拒绝`,
  entries: (n: number) => `文件包含 ${n} 个压缩条目，超过上限 ${IMPORT_LIMITS.maxZipEntries} 个，不是正常的 Excel 文件`,
  rows: () => `文件行数超过上限（${IMPORT_LIMITS.maxRows.toLocaleString()} 行），请拆分后分批导入`,
  columns: (rowNo: number, n: number) => `第${rowNo}行有 ${n.toLocaleString()} 列，超过列数上限（${IMPORT_LIMITS.maxColumns} 列），请使用下载的模板`,
  cells: () => `文件单元格数超过上限（${IMPORT_LIMITS.maxCells.toLocaleString()} 个），请拆分后分批导入`,
  sharedStrings: () => `文件的共享字符串超过上限（${IMPORT_LIMITS.maxSharedStrings.toLocaleString()} 个），疑似恶意文件，已拒绝`,
};
