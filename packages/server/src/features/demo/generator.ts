/**
 * Deterministic synthetic demo data for the registry: real counties, townships and villages,
 * invented sites, employers, households and people that pass the @anju/core input schemas.
 *
 *   const demo = await generateDemo({ persons: 5_000, seed: 1 });
 *   demo.sites, demo.employers            // small, planned up front (siteCode links them)
 *   for (const h of demo.households()) …  // lazy: one household at a time, any number of times
 *
 * Same seed and options → identical output; the clock is never read. Households are produced
 * county by county and never retained, so a 10-million-person run holds only the plan (sites,
 * employers, the villages of the counties involved) and one county's ID counters.
 */
import type { SiteInput } from '@anju/core';
import { calendarFor } from './calendar.js';
import { planCounties, type PlannedCounty } from './county-plan.js';
import { loadDivisionIndex, loadVillages, type Village } from './division-source.js';
import { planEmployers, type DemoEmployer } from './employer-plan.js';
import { HOUSEHOLD_SIZES, buildHousehold, type DemoHousehold, type Origin } from './household-builder.js';
import { IdAllocator } from './id-allocator.js';
import { ethnicMixFor } from './names.js';
import { Rand } from './random.js';
import { planSites, type PlannedSite } from './site-plan.js';

export type { DemoEmployer } from './employer-plan.js';
export type { DemoHousehold, DemoHouseholdRecord, DemoPerson } from './household-builder.js';

export interface DemoOptions {
  /** People to generate; the result has exactly this many. */
  persons: number;
  /** Any safe integer. */
  seed: number;
  /** 2-digit province code of the (first) province; default '52' Guizhou. */
  province?: string;
  /** Reference date for ages and school stages; default '2025-06-30'. Must not be in the future. */
  asOf?: string;
  /** Most people one county takes (SPEC §1: 5k–100k per county); default 100,000. */
  countyCapacity?: number;
}

export interface DemoCounty {
  code: string;
  name: string;
  cityCode: string;
  provinceCode: string;
  /** People generated in this county. */
  persons: number;
  /** County whose villages send this county its cross-county households, if any. */
  neighbourCode: string | null;
  siteCodes: string[];
}

/** Households in order; iterate with `for…of` (fastest) or `for await…of`. */
export type DemoHouseholdStream = Iterable<DemoHousehold> & AsyncIterable<DemoHousehold>;

export interface DemoData {
  options: Required<DemoOptions>;
  counties: DemoCounty[];
  sites: SiteInput[];
  employers: DemoEmployer[];
  /** A fresh, lazy pass over all households; every call yields the same sequence. */
  households(): DemoHouseholdStream;
}

interface CountyPlan {
  planned: PlannedCounty;
  sites: PlannedSite[];
  local: Origin;
  imported: Origin | null;
}

function checkOptions(options: DemoOptions): Required<DemoOptions> {
  const full = { province: '52', asOf: '2025-06-30', countyCapacity: 100_000, ...options };
  if (!Number.isSafeInteger(full.persons) || full.persons < 1) throw new Error(`persons must be a positive integer, got ${full.persons}`);
  if (!Number.isSafeInteger(full.seed)) throw new Error(`seed must be a safe integer, got ${full.seed}`);
  if (!/^\d{2}$/.test(full.province)) throw new Error(`province must be a 2-digit code, got ${full.province}`);
  if (!Number.isSafeInteger(full.countyCapacity) || full.countyCapacity < 100) throw new Error('countyCapacity must be an integer ≥ 100');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(full.asOf) || full.asOf < '2021-01-01') throw new Error(`asOf must be a date after the relocation years, got ${full.asOf}`);
  return full;
}

/** Rural villages are where people were moved from; communities only if a county has no others. */
function originVillages(villages: readonly Village[], countyCode: string): Village[] {
  const rural = villages.filter((v) => !v.community);
  const list = rural.length > 0 ? rural : [...villages];
  if (list.length === 0) throw new Error(`县级区划 ${countyCode} 无村级区划数据`);
  return list;
}

export async function generateDemo(options: DemoOptions): Promise<DemoData> {
  const opts = checkOptions(options);
  const index = loadDivisionIndex();
  if (!index.provinces.has(opts.province)) throw new Error(`未知的省级代码 ${opts.province}`);
  const calendar = calendarFor(opts.asOf); // fail early on a bad date

  const planned = planCounties(index, opts);
  const wanted = new Set<string>();
  for (const p of planned) {
    wanted.add(p.county.code);
    if (p.neighbour) wanted.add(p.neighbour.code);
  }
  const villages = await loadVillages(wanted);
  const villagesOf = (code: string) => villages.get(code) ?? [];

  const plans: CountyPlan[] = [];
  const counties: DemoCounty[] = [];
  const sites: SiteInput[] = [];
  const employers: DemoEmployer[] = [];
  for (const p of planned) {
    const townships = index.townshipsByCounty.get(p.county.code) ?? [];
    const countySites = planSites(opts.seed, p, townships, villagesOf(p.county.code));
    const local: Origin = { regionCode: p.county.code, imported: false, villages: originVillages(villagesOf(p.county.code), p.county.code), ethnicMix: ethnicMixFor(p.county.code) };
    const imported: Origin | null = p.neighbour
      ? { regionCode: p.neighbour.code, imported: true, villages: originVillages(villagesOf(p.neighbour.code), p.neighbour.code), ethnicMix: ethnicMixFor(p.neighbour.code) }
      : null;
    plans.push({ planned: p, sites: countySites, local, imported });
    counties.push({
      ...p.county,
      persons: p.persons,
      neighbourCode: p.neighbour?.code ?? null,
      siteCodes: countySites.map((s) => s.site.code),
    });
    for (const s of countySites) sites.push(s.site);
    employers.push(...planEmployers(opts.seed, p, countySites, townships));
  }

  function* iterate(): Generator<DemoHousehold> {
    const ids = new IdAllocator(calendar); // one set of counters, reset per county
    for (const plan of plans) {
      ids.reset();
      const code = plan.planned.county.code;
      const ctx = { rand: new Rand(opts.seed, 'households', code), calendar, ids };
      let sequence = 0;
      for (const site of plan.sites) {
        let placed = 0;
        for (let flat = 0; placed < site.persons; flat++) {
          // The last household of a site takes what is left, so totals come out exact.
          const size = Math.min(HOUSEHOLD_SIZES.pick(ctx.rand), site.persons - placed);
          const origin = plan.imported && site.crossCountyShare > 0 && ctx.rand.chance(site.crossCountyShare) ? plan.imported : plan.local;
          sequence++;
          yield buildHousehold(ctx, site, origin, code + String(sequence).padStart(6, '0'), flat, size);
          placed += size;
        }
      }
    }
  }

  return {
    options: opts,
    counties,
    sites,
    employers,
    households() {
      const it = iterate();
      return {
        [Symbol.iterator]: () => it,
        async *[Symbol.asyncIterator]() {
          yield* it;
        },
      };
    },
  };
}
