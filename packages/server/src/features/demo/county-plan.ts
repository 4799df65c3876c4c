/**
 * Which real counties a run fills, how many people each receives, and which county each one
 * takes its cross-county households from.
 *
 * A demo of up to one county's capacity (default 100k people, the top of SPEC §1's 5k–100k)
 * is one county of the chosen province, picked by the seed. Larger runs spread over the
 * province's counties at ~half capacity each; when even ~¾ capacity per county does not hold
 * them, the rest spills over other provinces in the order of their relocation programmes
 * (Guizhou, Sichuan, Yunnan, Guangxi, Shaanxi, Hunan, Hubei, Shanxi, Gansu…), so 10 million
 * people look like the national programme rather than one overfilled province.
 */
import type { County, DivisionIndex } from './division-source.js';
import { Rand } from './random.js';

export interface PlannedCounty {
  county: County;
  /** People to generate in this county (its sites' planned populations add up to this). */
  persons: number;
  /**
   * The county of the same city whose villages send this county its cross-county households,
   * or null if the city has no other usable county. Each county is the neighbour of at most
   * one other county, which the ID allocator relies on.
   */
  neighbour: County | null;
}

/** Provinces in the order of the size of their relocation programmes; the rest follow. */
const PROVINCE_ORDER = [
  '52', '51', '53', '45', '61', '43', '42', '14', '62', '36', '50', '41', '34', '13', '64', '63',
  '22', '15', '46', '44', '35', '21', '23', '54', '65', '37', '33', '32', '11', '12', '31',
];

/**
 * Counties that can host a relocation programme: at least three towns or townships (so there
 * are rural villages to come from and towns to build in). Mostly urban districts drop out.
 */
export function usableCounties(index: DivisionIndex, provinceCode: string): County[] {
  return (index.countiesByProvince.get(provinceCode) ?? []).filter((c) => {
    const townships = index.townshipsByCounty.get(c.code) ?? [];
    return townships.filter((t) => t.kind === 'town' || t.kind === 'township').length >= 3;
  });
}

/**
 * The neighbour of each usable county: the next usable county of the same city in code order,
 * cyclically. Code order is not geography, but it is a permutation, so every county is the
 * source of exactly one importer.
 */
function neighbourOf(index: DivisionIndex, county: County): County | null {
  const sameCity = usableCounties(index, county.provinceCode).filter((c) => c.cityCode === county.cityCode);
  if (sameCity.length < 2) return null;
  const i = sameCity.findIndex((c) => c.code === county.code);
  return sameCity[(i + 1) % sameCity.length]!;
}

function splitPersons(total: number, count: number, rand: Rand): number[] {
  const weights = Array.from({ length: count }, () => 0.7 + 0.6 * rand.float());
  const sum = weights.reduce((a, b) => a + b, 0);
  const shares = weights.map((w) => Math.floor((total * w) / sum));
  let rest = total - shares.reduce((a, b) => a + b, 0);
  for (let i = 0; rest > 0; i = (i + 1) % count, rest--) shares[i]!++;
  return shares;
}

export function planCounties(
  index: DivisionIndex,
  opts: { persons: number; seed: number; province: string; countyCapacity: number },
): PlannedCounty[] {
  const { persons, seed, province, countyCapacity } = opts;
  const home = usableCounties(index, province);
  if (home.length === 0) throw new Error(`省级代码 ${province} 无可用的县级区划`);
  const rand = new Rand(seed, 'county-plan');
  const order = (code: string) => rand.shuffled(usableCounties(index, code));

  const plan: { county: County; persons: number }[] = [];
  if (persons <= countyCapacity) {
    plan.push({ county: order(province)[0]!, persons });
  } else {
    const mean = countyCapacity / 2;
    const homeCounties = order(province);
    // Fill the home province at half capacity per county; if that is not enough, at up to
    // three quarters, and send only the rest elsewhere.
    const homePersons = Math.min(persons, Math.floor(homeCounties.length * countyCapacity * 0.75));
    const homeCount = Math.min(homeCounties.length, Math.ceil(homePersons / mean));
    splitPersons(homePersons, homeCount, rand).forEach((n, i) => plan.push({ county: homeCounties[i]!, persons: n }));

    const rest = persons - homePersons;
    if (rest > 0) {
      const unlisted = [...index.provinces.keys()].filter((p) => !PROVINCE_ORDER.includes(p));
      const others = [...PROVINCE_ORDER, ...unlisted].filter((p) => p !== province);
      const pool = others.flatMap(order);
      const count = Math.ceil(rest / mean);
      if (count > pool.length) throw new Error(`人数 ${persons} 超出全国可用县的容量`);
      splitPersons(rest, count, rand).forEach((n, i) => plan.push({ county: pool[i]!, persons: n }));
    }
  }
  return plan.map((p) => ({ ...p, neighbour: neighbourOf(index, p.county) }));
}
