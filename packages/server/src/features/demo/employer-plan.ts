/**
 * A handful of employers (经营主体, SPEC §3.4) per county: a 帮扶车间 at the bigger sites, a few
 * enterprises, farming cooperatives and individual businesses, some of them started by relocated
 * people, and now and then a job base without a credit code of its own.
 *
 * Credit codes follow GB 32100: registration authority 9 (market regulation), organisation type
 * (1 enterprise, 2 individual business, 3 farmers' cooperative), the county code in chars 3–8,
 * a 9-char body, check char. The body holds a per-county serial, so codes are unique in a run.
 */
import { makeCreditCode, type EmployerInput } from '@anju/core';
import type { PlannedCounty } from './county-plan.js';
import type { Township } from './division-source.js';
import { COOPERATIVE_PRODUCTS, ENTERPRISE_BRANDS, ENTERPRISE_TRADES, SHOP_KINDS, pickSurname } from './names.js';
import { Rand } from './random.js';
import { placeShortName, type PlannedSite } from './site-plan.js';

/** An employer ready for `employerInput`; `siteCode` names the site it works at, if any. */
export type DemoEmployer = Omit<EmployerInput, 'siteId'> & { siteId: null; siteCode: string | null };

const CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** 威宁彝族回族苗族自治县 → 威宁, 六枝特区 → 六枝. */
export function countyShortName(name: string): string {
  const short = placeShortName(name.replace(/(自治县|自治旗|特区|县|市|区|旗)$/, ''));
  return short || name;
}

function isoDay(rand: Rand, fromYear: number, toYear: number): string {
  const from = Date.UTC(fromYear, 0, 1);
  const to = Date.UTC(toYear, 11, 31);
  return new Date(from + rand.int(0, Math.round((to - from) / 86_400_000)) * 86_400_000).toISOString().slice(0, 10);
}

export function planEmployers(
  seed: number,
  planned: PlannedCounty,
  sites: readonly PlannedSite[],
  townships: readonly Township[],
): DemoEmployer[] {
  const { county } = planned;
  const rand = new Rand(seed, 'employers', county.code);
  const countyShort = countyShortName(county.name);
  const employers: DemoEmployer[] = [];
  let serial = 0;

  const creditCode = (orgType: '1' | '2' | '3') => {
    const n = serial++;
    let body = 'MA' + CODE_ALPHABET[Math.floor(n / 31) % 31]! + CODE_ALPHABET[n % 31]!;
    for (let i = 0; i < 5; i++) body += CODE_ALPHABET[rand.int(0, 30)]!;
    return makeCreditCode(`9${orgType}${county.code}${body}`);
  };
  const add = (e: Omit<DemoEmployer, 'siteId' | 'relocatedEmployed'>, employedShare: number) => {
    const relocatedEmployed = Math.min(e.positions, Math.round(e.positions * employedShare));
    employers.push({ ...e, siteId: null, relocatedEmployed });
  };

  // 帮扶车间 at sites of 800+ people: "就近就业" is the point of them (SX-2021 (五)).
  const bigSites = sites.filter((s) => s.persons >= 800 && s.site.settlementKind === 'concentrated');
  for (const s of bigSites.slice(0, 8)) {
    const positions = rand.int(30, s.persons >= 3_000 ? 300 : 150);
    add(
      {
        creditCode: creditCode('1'),
        name: `${s.site.name}${rand.pick(ENTERPRISE_TRADES)}帮扶车间`,
        kind: 'workshop',
        divisionCode: s.site.divisionCode,
        siteCode: s.site.code,
        startDate: isoDay(rand, Math.max(2017, s.site.buildYear ?? 2017), 2023),
        foundedByRelocated: rand.chance(0.15),
        positions,
      },
      0.5 + 0.4 * rand.float(),
    );
  }

  const enterprises = 2 + Math.min(4, Math.floor(planned.persons / 20_000));
  for (let i = 0; i < enterprises; i++) {
    const inPark = rand.chance(0.5) && townships.length > 0;
    add(
      {
        creditCode: creditCode('1'),
        name: `${countyShort}${rand.pick(ENTERPRISE_BRANDS)}${rand.pick(ENTERPRISE_TRADES)}有限公司`,
        kind: 'enterprise',
        divisionCode: inPark ? rand.pick(townships).code : county.code,
        siteCode: null,
        startDate: isoDay(rand, 2008, 2023),
        foundedByRelocated: false,
        positions: rand.int(50, 600),
      },
      0.1 + 0.4 * rand.float(),
    );
  }

  const rural = townships.filter((t) => t.kind !== 'subdistrict');
  for (let i = rand.int(1, 3); i > 0; i--) {
    const township = rand.pick(rural.length > 0 ? rural : townships);
    const product = rand.pick(COOPERATIVE_PRODUCTS);
    const farming = /牛|猪|鸡|蜂/.test(product) ? '养殖' : '种植';
    add(
      {
        creditCode: creditCode('3'),
        name: `${countyShort}${placeShortName(township.name)}${product}${farming}农民专业合作社`,
        kind: 'cooperative',
        divisionCode: township.code,
        siteCode: null,
        startDate: isoDay(rand, 2014, 2023),
        foundedByRelocated: rand.chance(0.3),
        positions: rand.int(10, 60),
      },
      0.3 + 0.5 * rand.float(),
    );
  }

  // Shops at the sites, mostly opened by relocated families with start-up support.
  for (let i = rand.int(2, 5); i > 0 && sites.length > 0; i--) {
    const s = rand.pick(sites);
    const positions = rand.int(1, 8);
    add(
      {
        creditCode: creditCode('2'),
        name: `${placeShortName(s.site.name)}${pickSurname(rand, '汉族')}记${rand.pick(SHOP_KINDS)}`,
        kind: 'individual',
        divisionCode: s.site.divisionCode,
        siteCode: s.site.code,
        startDate: isoDay(rand, Math.max(2017, s.site.buildYear ?? 2017), 2024),
        foundedByRelocated: rand.chance(0.7),
        positions,
      },
      0.6 + 0.4 * rand.float(),
    );
  }

  // A community job base run by the site itself: no credit code of its own.
  if (bigSites.length > 0 && rand.chance(0.5)) {
    const s = rand.pick(bigSites);
    add(
      {
        creditCode: null,
        name: `${s.site.name}就业帮扶基地`,
        kind: 'other',
        divisionCode: s.site.divisionCode,
        siteCode: s.site.code,
        startDate: isoDay(rand, 2019, 2023),
        foundedByRelocated: false,
        positions: rand.int(20, 80),
      },
      0.8,
    );
  }
  return employers;
}
