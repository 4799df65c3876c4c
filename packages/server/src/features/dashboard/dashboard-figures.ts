/** Adds up the cubes of dashboard-repo into the figures the page shows (pure, no I/O). */
import type { PersonCell } from './dashboard-repo.js';

export interface AreaTotals {
  sites: number;
  households: number;
  registeredPoorHouseholds: number;
  people: number;
  registeredPoorPeople: number;
  labourForce: number;
}

const REGISTERED_POOR = 'registered_poor';

const empty = (): AreaTotals => ({ sites: 0, households: 0, registeredPoorHouseholds: 0, people: 0, registeredPoorPeople: 0, labourForce: 0 });

/** Totals per area code ('' when the cubes were not split by area). */
export function totalsByArea(people: PersonCell[], households: { area: string; kind: string; households: number }[], sites: { area: string; sites: number }[]): Map<string, AreaTotals> {
  const byArea = new Map<string, AreaTotals>();
  const at = (area: string) => {
    let t = byArea.get(area);
    if (!t) byArea.set(area, (t = empty()));
    return t;
  };
  for (const c of people) {
    const t = at(c.area);
    t.people += c.people;
    if (c.kind === REGISTERED_POOR) t.registeredPoorPeople += c.people;
    if (c.labourForce) t.labourForce += c.people;
  }
  for (const h of households) {
    const t = at(h.area);
    t.households += h.households;
    if (h.kind === REGISTERED_POOR) t.registeredPoorHouseholds += h.households;
  }
  for (const s of sites) at(s.area).sites += s.sites;
  return byArea;
}

/** Coarser areas from finer ones: sub-division figures added up by their first `length` digits. */
export function regroup(byArea: Map<string, AreaTotals>, length: number): Map<string, AreaTotals> {
  const out = new Map<string, AreaTotals>();
  for (const [code, t] of byArea) {
    const key = code.slice(0, length);
    out.set(key, sumTotals([out.get(key) ?? empty(), t]));
  }
  return out;
}

export function sumTotals(areas: Iterable<AreaTotals>): AreaTotals {
  const sum = empty();
  for (const a of areas) for (const k of Object.keys(sum) as (keyof AreaTotals)[]) sum[k] += a[k];
  return sum;
}

export function byKind(people: PersonCell[], households: { kind: string; households: number }[]) {
  const kinds = [...new Set([...households.map((h) => h.kind), ...people.map((c) => c.kind)])].sort();
  return kinds.map((kind) => ({
    kind,
    households: households.filter((h) => h.kind === kind).reduce((s, h) => s + h.households, 0),
    people: people.filter((c) => c.kind === kind).reduce((s, c) => s + c.people, 0),
  }));
}

/** Five-year bands from 0 to `lastBand` (open-ended: 80+), men and women. */
export function ageBands(people: PersonCell[], lastBand: number, bandYears: number) {
  return Array.from({ length: lastBand + 1 }, (_, band) => {
    const inBand = people.filter((c) => c.band === band);
    return {
      from: band * bandYears,
      to: band === lastBand ? null : band * bandYears + bandYears - 1,
      male: inBand.filter((c) => c.sex === 'M').reduce((s, c) => s + c.people, 0),
      female: inBand.filter((c) => c.sex === 'F').reduce((s, c) => s + c.people, 0),
    };
  });
}
