/**
 * The resettlement sites of one county: how many, how big, where, and which of them also take
 * households from the neighbouring county.
 *
 * Sizes follow SPEC §3.1's classes (100 / 800 / 3,000 / 10,000): about half the sites are small
 * (100–799), most of the rest medium (800–2,999), and counties of 15k+ get a few big urban
 * ones like Guizhou's 万人安置区. Urban sites stand in 街道 or 镇 (often in a real community),
 * rural ones in 乡 or 镇. The planned populations add up exactly to the county's share.
 */
import type { SiteInput } from '@anju/core';
import type { Township, Village } from './division-source.js';
import type { PlannedCounty } from './county-plan.js';
import { RURAL_SITE_NAME_SUFFIXES, SITE_NAME_SUFFIXES } from './names.js';
import { Rand, Weighted } from './random.js';

export interface PlannedSite {
  site: SiteInput;
  /** People to settle here. */
  persons: number;
  /** Chance that a household of this site comes from the neighbour county (0 if not crossCounty). */
  crossCountyShare: number;
  /** Flats per building and their layout, for building/unit/room addresses. */
  floors: number;
  units: number;
  flatsPerFloor: number;
}

/** Approximate province centres (lat, lon) and how far counties spread around them. */
const PROVINCE_CENTRES: Record<string, [number, number, number]> = {
  '11': [40.2, 116.4, 0.4], '12': [39.3, 117.3, 0.4], '13': [38.5, 115.5, 1.8], '14': [37.6, 112.3, 1.5],
  '15': [42.5, 113.5, 3.5], '21': [41.6, 123.0, 1.3], '22': [43.6, 126.0, 1.5], '23': [46.8, 127.5, 2.5],
  '31': [31.2, 121.5, 0.3], '32': [32.9, 119.4, 1.2], '33': [29.2, 120.2, 1.1], '34': [31.8, 117.2, 1.4],
  '35': [26.1, 118.3, 1.3], '36': [27.6, 115.7, 1.5], '37': [36.3, 118.2, 1.5], '41': [33.9, 113.5, 1.5],
  '42': [30.9, 112.3, 1.7], '43': [27.6, 111.7, 1.6], '44': [23.4, 113.4, 1.5], '45': [23.8, 108.8, 1.7],
  '46': [19.2, 109.7, 0.5], '50': [29.9, 107.8, 1.0], '51': [30.4, 103.8, 2.0], '52': [26.8, 106.7, 1.3],
  '53': [24.9, 101.5, 2.0], '54': [30.2, 89.0, 3.0], '61': [34.6, 108.9, 1.8], '62': [36.0, 104.3, 2.0],
  '63': [35.7, 97.0, 2.5], '64': [37.3, 106.2, 0.8], '65': [42.0, 85.5, 4.0],
};

/** Where a county lies: independent of the seed, since the county does not move between runs. */
function countyCentre(countyCode: string): [number, number] {
  const [lat, lon, spread] = PROVINCE_CENTRES[countyCode.slice(0, 2)] ?? [33, 110, 2];
  const r = new Rand(0, 'county-centre', countyCode);
  return [lat + (r.float() * 2 - 1) * spread, lon + (r.float() * 2 - 1) * spread];
}

const ETHNIC_AFFIX = /((布依|苗|侗|彝|回|土家|仡佬|水|瑶|壮|白|蒙古|满|藏|羌|黎|畲|哈尼|傣|傈僳|拉祜|佤|纳西|土|东乡|撒拉|朝鲜|毛南|仫佬)族)+$/;

/** 龙场镇 → 龙场, 新发布依族乡 → 新发; used to name sites after their place. */
export function placeShortName(name: string): string {
  const short = name.replace(/(街道办事处|办事处|街道|镇|乡|办)$/, '').replace(ETHNIC_AFFIX, '').replace(/民族$/, '');
  return short || name;
}

const PHASES = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const BUILD_YEARS = new Weighted([[2016, 10], [2017, 25], [2018, 35], [2019, 25], [2020, 5]] as const);

function drawSize(rand: Rand, countyPersons: number): number {
  const r = rand.float();
  if (r < 0.5) return rand.int(100, 799);
  if (r < 0.88 || countyPersons < 15_000) return rand.int(800, 2_999);
  return rand.int(3_000, 12_000);
}

function planSizes(rand: Rand, persons: number): number[] {
  const sizes: number[] = [];
  let remaining = persons;
  const cap = persons >= 1_600 ? Math.floor(persons * 0.45) : persons; // at least two sites
  while (remaining > 0) {
    let size = Math.min(drawSize(rand, persons), cap, remaining);
    if (remaining - size < 100) size = remaining; // no crumbs: fold them into this site
    sizes.push(size);
    remaining -= size;
  }
  return sizes;
}

export function planSites(
  seed: number,
  planned: PlannedCounty,
  townships: readonly Township[],
  villages: readonly Village[],
): PlannedSite[] {
  const { county } = planned;
  const rand = new Rand(seed, 'sites', county.code);
  const byKind = (...kinds: Township['kind'][]) => townships.filter((t) => kinds.includes(t.kind));
  const subdistricts = byKind('subdistrict');
  const towns = byKind('town');
  const rural = byKind('township', 'town');
  const all = townships.length > 0 ? townships : [];
  if (all.length === 0) throw new Error(`县级区划 ${county.code} 无乡镇数据`);
  const communities = new Map<string, Village[]>();
  for (const v of villages) {
    if (!v.community) continue;
    let list = communities.get(v.townshipCode);
    if (!list) communities.set(v.townshipCode, (list = []));
    list.push(v);
  }

  const [centreLat, centreLon] = countyCentre(county.code);
  const usedNames = new Set<string>();
  const sites: PlannedSite[] = planSizes(rand, planned.persons).map((persons, i) => {
    const urban = persons >= 3_000 || rand.chance(persons >= 800 ? 0.75 : 0.25);
    const scattered = !urban && persons < 800 && rand.chance(0.1);
    const candidates = urban
      ? subdistricts.length > 0 && (persons >= 3_000 || rand.chance(0.6)) ? subdistricts : towns
      : rural;
    const township = rand.pick(candidates.length > 0 ? candidates : all);
    const community = urban ? communities.get(township.code) : undefined;
    const divisionCode = community && rand.chance(0.7) ? rand.pick(community).code : township.code;

    const suffix = rand.pick(urban ? SITE_NAME_SUFFIXES : RURAL_SITE_NAME_SUFFIXES);
    let name = placeShortName(township.name) + suffix;
    for (let phase = 2; usedNames.has(name); phase++) name = `${placeShortName(township.name)}${suffix}${PHASES[phase] ?? phase}期`;
    usedNames.add(name);

    const floors = urban ? (persons >= 3_000 ? rand.int(11, 18) : rand.int(5, 11)) : rand.int(2, 3);
    const site: SiteInput = {
      code: `${county.code}-AZ${String(i + 1).padStart(3, '0')}`,
      name,
      divisionCode,
      areaKind: urban ? 'urban' : 'rural',
      settlementKind: scattered ? 'scattered' : 'concentrated',
      crossCounty: false,
      buildYear: BUILD_YEARS.pick(rand),
      latitude: Math.round((centreLat + (rand.float() - 0.5) * 0.3) * 1e6) / 1e6,
      longitude: Math.round((centreLon + (rand.float() - 0.5) * 0.3) * 1e6) / 1e6,
    };
    return {
      site,
      persons,
      crossCountyShare: 0,
      floors,
      units: urban ? rand.int(1, 3) : 1,
      flatsPerFloor: urban ? rand.int(2, 4) : rand.int(1, 2),
    };
  });

  // About 5 % of the county's households come from the neighbour county (跨区县搬迁). They go
  // to a few sites, mostly urban ones, which are flagged crossCounty; the share inside those
  // sites is set so that the county-wide share comes out at 5 %.
  if (planned.neighbour) {
    const order = rand.shuffled(sites).sort((a, b) => Number(b.site.areaKind === 'urban') - Number(a.site.areaKind === 'urban'));
    let flagged = 0;
    for (const s of order) {
      if (flagged >= planned.persons * 0.08) break;
      s.site.crossCounty = true;
      flagged += s.persons;
    }
    const share = Math.min(0.9, (planned.persons * 0.05) / flagged);
    for (const s of sites) if (s.site.crossCounty) s.crossCountyShare = share;
  }
  return sites;
}
