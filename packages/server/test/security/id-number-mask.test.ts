/**
 * Issue 13.2: a role that may not unmask (a county leader) must not be able to rebuild ID numbers
 * from what it is shown. The test runs the attack: for every demo person it takes everything the
 * leader reads in the person list, the household list and the persons export (masked ID number,
 * sex, birth date or age, origin village), enumerates every GB 11643 number consistent with it and
 * counts the people left with a single candidate.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ageOn } from '@anju/core';
import { buildApp } from '../../src/app.js';
import { demoTestDatabase } from '../demo-database.js';
import type { TestDatabase } from '../test-database.js';
import { addUser, login, type ApiSession } from '../api-client.js';

const TODAY = '2026-06-01'; // the test clock
const PEOPLE = 600;

let tdb: TestDatabase;
let app: FastifyInstance;
let leader: ApiSession;
let truth: Map<string, string>;

beforeAll(async () => {
  const demo = await demoTestDatabase({ persons: PEOPLE, seed: 13 });
  tdb = demo.tdb;
  app = await buildApp(demo.ctx);
  await addUser(demo.ctx, 'mask-leader', 'leader', demo.county);
  leader = await login(app, 'mask-leader');
  const rows = await tdb.database.db.selectFrom('person').select(['id', 'id_number']).execute();
  truth = new Map(rows.map((r) => [String(r.id), r.id_number]));
}, 240_000);
afterAll(async () => {
  await app.close();
  await tdb.close();
});

async function allPages<T>(path: string): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; ; page++) {
    const res = await leader.request('GET', `${path}${path.includes('?') ? '&' : '?'}pageSize=200&page=${page}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    items.push(...(res.body.items as T[]));
    if (items.length >= res.body.total) return items;
  }
}

/** A CSV export as header → value records (quotes and Excel's text guards taken off). */
function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (quoted || (c !== ',' && c !== '\n' && c !== '\r')) {
      cell += c;
    } else if (c === ',') {
      endCell();
    } else if (c === '\n' || text[i + 1] !== '\n') {
      endCell();
      rows.push(row);
      row = [];
    }
  }
  if (cell || row.length) {
    endCell();
    rows.push(row);
  }
  const [header, ...body] = rows;
  const clean = (v: string) => v.replace(/^\ufeff/, '').replace(/^['\t]/, '').trim();
  return body.filter((r) => r.length > 1).map((r) => Object.fromEntries(header!.map((h, i) => [clean(h), clean(r[i] ?? '')])));
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** Every birth date giving this age today (or just the date, when shown). */
function birthDates(birthDate: string | null, age: number): string[] {
  if (birthDate) return [birthDate];
  const out: string[] = [];
  const start = new Date(`${Number(TODAY.slice(0, 4)) - age - 1}-01-01T00:00:00Z`);
  for (let d = start; d.getUTCFullYear() <= Number(TODAY.slice(0, 4)) - age; d = new Date(d.getTime() + 86_400_000)) {
    if (ageOn(iso(d), TODAY) === age) out.push(iso(d));
  }
  return out;
}

// GB 11643's check: the weighted sum of the first 17 digits mod 11 picks the check character.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
const weighted = (digits: string, from: number) => [...digits].reduce((sum, d, i) => sum + Number(d) * WEIGHTS[from + i]!, 0);

/**
 * How many numbers fit a mask (visible characters kept, '*' hidden), a county, birth dates and a
 * sex; the number itself when only one does. Counted, not listed: the county, date and sequence
 * parts add up mod 11, so each date needs only a look-up of how many sequences give the check.
 */
function candidates(masked: string, county: string, dates: string[], sex: string): { count: number; only?: string } {
  if (masked.length !== 18) return { count: 0 };
  const fits = (value: string, from: number) => [...value].every((ch, i) => masked[from + i] === '*' || masked[from + i] === ch);
  if (!fits(county, 0)) return { count: 0 };
  const sequences: string[] = [];
  for (let s = 0; s < 1000; s++) {
    const seq = String(s).padStart(3, '0');
    if ((s % 2 === 1) === (sex === 'M') && fits(seq, 14)) sequences.push(seq);
  }
  const byResidue = Array.from({ length: 11 }, () => [] as string[]);
  for (const seq of sequences) byResidue[weighted(seq, 14) % 11]!.push(seq);
  let count = 0;
  let only: string | undefined;
  for (const date of dates) {
    const digits = date.replaceAll('-', '');
    if (!fits(digits, 6)) continue;
    const base = weighted(county, 0) + weighted(digits, 6);
    for (let r = 0; r < 11; r++) {
      if (masked[17] !== '*' && CHECK_CHARS[(base + r) % 11] !== masked[17]) continue;
      count += byResidue[r]!.length;
      if (count === 1) only = county + digits + byResidue[r]![0]! + CHECK_CHARS[(base + r) % 11];
    }
  }
  return count === 1 ? { count, only } : { count };
}

describe('13.2 ID-number mask', () => {
  it('13.2 a leader cannot rebuild any ID number from the masked number, sex, birth date or age, and origin village (list and export)', async () => {
    type Person = { id: string; householdId: string; idNumber: string; name: string; sex: string; birthDate: string | null; age: number };
    const persons = await allPages<Person>('/api/v1/persons');
    expect(persons.length).toBe(truth.size);
    const households = await allPages<{ id: string; originVillageCode: string }>('/api/v1/households');
    const village = new Map(households.map((h) => [h.id, h.originVillageCode]));

    const exported = await leader.request('GET', '/api/v1/exports/persons?format=csv');
    expect(exported.status).toBe(200);
    const rows = parseCsv(String(exported.body));
    expect(rows.length).toBe(truth.size);
    // The export shows the birth date in its own column: the attacker joins it in by name and masked number.
    const exportedBirth = new Map(rows.map((r) => [`${r['姓名']}|${r['身份证号']}`, r['出生日期'] || null]));

    let recovered = 0;
    let reached = 0;
    let fewest = Infinity;
    for (const p of persons) {
      const birthDate = p.birthDate ?? exportedBirth.get(`${p.name}|${p.idNumber}`) ?? null;
      const county = village.get(p.householdId)!.slice(0, 6);
      const dates = birthDates(birthDate, p.age);
      const found = candidates(p.idNumber, county, dates, p.sex);
      const real = truth.get(p.id)!;
      if (found.only === real) recovered++;
      // The true number is among the candidates when the leader's view is right about it.
      const inView = real.startsWith(county) && dates.includes(`${real.slice(6, 10)}-${real.slice(10, 12)}-${real.slice(12, 14)}`);
      if (inView && real[17] === CHECK_CHARS[weighted(real.slice(0, 17), 0) % 11]) {
        reached++;
        fewest = Math.min(fewest, found.count);
      }
    }
    // The attack is sound: the true number is among the candidates of (nearly) everyone.
    expect(reached).toBeGreaterThan(persons.length * 0.9);
    expect(recovered).toBe(0);
    // Many numbers stay possible for everyone whose true number the attack can reach at all.
    expect(fewest).toBeGreaterThanOrEqual(1000);
  }, 120_000);
});
