/**
 * Hostile ledger files, made in the test (no binary fixtures): a minimal zip writer that can
 * deflate a part repeated many times and can lie about sizes, and the parts of a one-sheet .xlsx.
 */
import { once } from 'node:events';
import { createDeflateRaw, crc32, deflateRawSync } from 'node:zlib';

export interface ZipPart {
  name: string;
  data: Buffer;
  /** Written as the uncompressed size instead of the real one (a lying header). */
  declaredSize?: number;
}

/** Deflates head + unit × times + tail without holding the uncompressed text. */
export async function deflatedRepeat(head: string, unit: string, times: number, tail: string): Promise<{ data: Buffer; crc: number; size: number }> {
  const z = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  z.on('data', (c: Buffer) => out.push(c));
  let crc = 0;
  let size = 0;
  const write = async (b: Buffer) => {
    crc = crc32(b, crc);
    size += b.length;
    if (!z.write(b)) await once(z, 'drain');
  };
  await write(Buffer.from(head));
  const perChunk = Math.max(1, Math.floor(1_048_576 / Buffer.byteLength(unit)));
  const chunk = Buffer.from(unit.repeat(perChunk));
  for (let left = times; left > 0; left -= perChunk) await write(left >= perChunk ? chunk : Buffer.from(unit.repeat(left)));
  await write(Buffer.from(tail));
  z.end();
  await once(z, 'end');
  return { data: Buffer.concat(out), crc, size };
}

export interface RawPart {
  name: string;
  compressed: Buffer;
  crc: number;
  size: number;
}

export async function deflatePart(part: ZipPart): Promise<RawPart> {
  return { name: part.name, compressed: deflateRawSync(part.data), crc: crc32(part.data), size: part.declaredSize ?? part.data.length };
}

/** A zip of deflated parts, local headers and central directory agreeing (unless a size lies). */
export function zipOf(parts: RawPart[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(p.crc >>> 0, 14);
    local.writeUInt32LE(p.compressed.length, 18);
    local.writeUInt32LE(p.size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, p.compressed);
    const dir = Buffer.alloc(46);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt16LE(20, 4);
    dir.writeUInt16LE(20, 6);
    dir.writeUInt16LE(0x0800, 8);
    dir.writeUInt16LE(8, 10);
    dir.writeUInt32LE(p.crc >>> 0, 16);
    dir.writeUInt32LE(p.compressed.length, 20);
    dir.writeUInt32LE(p.size, 24);
    dir.writeUInt16LE(name.length, 28);
    dir.writeUInt32LE(offset, 42);
    central.push(dir, name);
    offset += 30 + name.length + p.compressed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The parts every one-sheet workbook needs besides its sheet and shared strings. */
export function workbookParts(withSharedStrings: boolean): ZipPart[] {
  const types = `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>${withSharedStrings ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' : ''}</Types>`;
  const rels = `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const workbook = `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>`;
  const workbookRels = `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>${withSharedStrings ? `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : ''}</Relationships>`;
  return [
    { name: '[Content_Types].xml', data: Buffer.from(types) },
    { name: '_rels/.rels', data: Buffer.from(rels) },
    { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(workbookRels) },
    { name: 'xl/workbook.xml', data: Buffer.from(workbook) },
  ];
}

function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** A sheet of inline-string rows (`doctype`: text put before <worksheet>, e.g. an entity declaration). */
export function sheetXml(rows: string[][], options: { doctype?: string; dimension?: string } = {}): Buffer {
  const cells = rows.map((r, i) => `<row r="${i + 1}">${r.map((v, c) => (v.startsWith('<c ') ? v : `<c r="${columnName(c)}${i + 1}" t="inlineStr"><is><t>${v}</t></is></c>`)).join('')}</row>`).join('');
  const dimension = options.dimension ? `<dimension ref="${options.dimension}"/>` : '';
  return Buffer.from(`${XML}${options.doctype ?? ''}<worksheet xmlns="${MAIN}">${dimension}<sheetData>${cells}</sheetData></worksheet>`);
}

export async function xlsxOf(sheet: Buffer, sharedStrings?: RawPart): Promise<Buffer> {
  const parts = await Promise.all(workbookParts(sharedStrings !== undefined).map(deflatePart));
  if (sharedStrings) parts.push(sharedStrings);
  parts.push(await deflatePart({ name: 'xl/worksheets/sheet1.xml', data: sheet }));
  return zipOf(parts);
}
