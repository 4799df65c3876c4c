/**
 * Looks at an uploaded ledger before anything parses it. exceljs reads an .xlsx as a stream of
 * local zip entries and trusts it: a truncated file (the first 100 KB of a real export) left its
 * reader waiting for ever, and a deflate bomb ran the server out of memory. So the .xlsx is read
 * here first from its central directory (yauzl): every entry's declared and actual size, its
 * compression ratio, and that the entries fill the file with nothing hidden between them. A file
 * whose content is not what its name says (a PDF or an .exe renamed .xlsx) is refused by its
 * first bytes.
 */
import { open } from 'node:fs/promises';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { ValidationError } from '../../platform/errors.js';
import type { FileFormat } from './file-readers.js';
import { IMPORT_LIMITS, ImportLimitError, limitMessages } from './import-limits.js';

const SIGNATURES: { bytes: number[]; what: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'PDF 文件' },
  { bytes: [0x4d, 0x5a], what: 'Windows 可执行文件（.exe/.dll）' },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], what: '可执行文件（ELF）' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: '旧版 Office 文件（.xls/.doc，请在 Excel 中另存为 .xlsx）' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'PNG 图片' },
  { bytes: [0xff, 0xd8, 0xff], what: 'JPEG 图片' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'GIF 图片' },
  { bytes: [0x52, 0x61, 0x72, 0x21], what: 'RAR 压缩包' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], what: '7z 压缩包' },
  { bytes: [0x1f, 0x8b], what: 'gzip 压缩包' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'zip 压缩包（如 .xlsx）' },
];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** Room between one entry's data and the next header: a data descriptor, zip64-sized, signed. */
const MAX_DESCRIPTOR_BYTES = 24;

function startsWith(head: Buffer, bytes: number[]): boolean {
  return bytes.every((b, i) => head[i] === b);
}

async function readHead(path: string, length: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Refuses a file that cannot be the ledger its name promises; resolves when it may be parsed. */
export async function inspectLedgerFile(path: string, format: FileFormat): Promise<void> {
  const head = await readHead(path, 8192);
  const known = SIGNATURES.find((s) => startsWith(head, s.bytes));
  if (format === 'xlsx') {
    if (!startsWith(head, ZIP)) {
      throw new ValidationError(`文件内容不是 .xlsx 工作簿（${known?.what ?? '无法识别的内容'}），请在 Excel 中另存为 .xlsx 后上传`, [{ path: 'file', message: '文件内容与扩展名不符' }]);
    }
    return inspectZip(path);
  }
  if (known) throw new ValidationError(`文件内容不是 CSV 文本（${known.what}），请在 Excel 中另存为 CSV 后上传`, [{ path: 'file', message: '文件内容与扩展名不符' }]);
  if (head.includes(0)) throw new ValidationError('文件内容不是 CSV 文本（含二进制数据，或为 UTF-16 编码），请另存为 UTF-8 或 GB18030 编码的 CSV', [{ path: 'file', message: '不是文本文件' }]);
}

/** yauzl's own messages are English and technical: the user learns what to do instead. */
function damaged(why = '压缩结构无法读取'): ValidationError {
  return new ValidationError(`文件不完整或已损坏（${why}），请重新导出完整的 .xlsx 后上传`, [{ path: 'file', message: '文件不完整或已损坏' }]);
}

async function inspectZip(path: string): Promise<void> {
  let zip: ZipFile;
  try {
    zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true });
  } catch {
    throw damaged();
  }
  try {
    if (zip.entryCount > IMPORT_LIMITS.maxZipEntries) throw new ImportLimitError(limitMessages.entries(zip.entryCount));
    // Before the first readEntry the cursor is the central directory's offset (@types/yauzl calls it a boolean).
    const directoryOffset = Number(zip.readEntryCursor);
    const entries: Entry[] = [];
    let declared = 0;
    try {
      for await (const entry of zip.eachEntry()) {
        entries.push(entry);
        declared += entry.uncompressedSize;
        if (declared > IMPORT_LIMITS.maxUncompressedBytes) throw new ImportLimitError(limitMessages.uncompressed(declared));
        const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
        if (entry.uncompressedSize >= IMPORT_LIMITS.ratioFloorBytes && ratio > IMPORT_LIMITS.maxCompressionRatio) {
          throw new ImportLimitError(limitMessages.ratio(entry.fileName, ratio));
        }
      }
    } catch (error) {
      throw error instanceof ValidationError ? error : damaged();
    }
    if (!entries.some((e) => e.fileName === 'xl/workbook.xml')) {
      throw new ValidationError('文件是 zip 压缩包，但不是 Excel 工作簿（缺少 xl/workbook.xml），请上传 .xlsx 台账', [{ path: 'file', message: '不是 Excel 工作簿' }]);
    }
    await checkLayout(zip, entries, directoryOffset);
    await checkContents(zip, entries);
  } finally {
    zip.close();
  }
}

/**
 * exceljs reads local entries front to back and never looks at the directory, so the bytes it
 * sees must be the entries the directory lists: each starts where the previous one ended.
 */
async function checkLayout(zip: ZipFile, entries: Entry[], directoryOffset: number): Promise<void> {
  const ordered = [...entries].sort((a, b) => a.relativeOffsetOfLocalHeader - b.relativeOffsetOfLocalHeader);
  let end = 0;
  for (const entry of ordered) {
    const gap = entry.relativeOffsetOfLocalHeader - end;
    if (gap < 0 || gap > MAX_DESCRIPTOR_BYTES) throw damaged(`条目 ${entry.fileName} 的位置与目录不符`);
    let header: { fileDataStart: number };
    try {
      header = await zip.readLocalFileHeaderPromise(entry, { minimal: true });
    } catch {
      throw damaged();
    }
    end = header.fileDataStart + entry.compressedSize;
  }
  if (directoryOffset - end < 0 || directoryOffset - end > MAX_DESCRIPTOR_BYTES) throw damaged('目录前有未列出的数据');
}

/** Inflates every entry once: a damaged stream fails here, and yauzl refuses sizes that lie. */
async function checkContents(zip: ZipFile, entries: Entry[]): Promise<void> {
  for (const entry of entries) {
    try {
      const stream = await zip.openReadStreamPromise(entry);
      for await (const chunk of stream) void chunk;
    } catch {
      throw damaged(`条目 ${entry.fileName} 无法解压`);
    }
  }
}
