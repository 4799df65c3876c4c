import { beforeAll, describe, it, expect } from 'vitest';
import { ageOn, employerInput, householdInput, parseCreditCode, parseIdNumber, personInput, siteInput } from '@anju/core';
import { generateDemo, type DemoData, type DemoHousehold, type DemoOptions } from './generator.js';

async function run(options: DemoOptions): Promise<{ demo: DemoData; households: DemoHousehold[] }> {
  const demo = await generateDemo(options);
  return { demo, households: [...demo.households()] };
}

function countOf<T>(items: Iterable<T>, key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

describe('generateDemo: determinism', () => {
  it('gives identical output for the same seed and options', async () => {
    const a = await run({ persons: 3_000, seed: 7 });
    const b = await run({ persons: 3_000, seed: 7 });
    expect(b.demo.counties).toEqual(a.demo.counties);
    expect(b.demo.sites).toEqual(a.demo.sites);
    expect(b.demo.employers).toEqual(a.demo.employers);
    expect(b.households).toEqual(a.households);
  });

  it('gives different output for a different seed', async () => {
    const a = await run({ persons: 3_000, seed: 7 });
    const b = await run({ persons: 3_000, seed: 8 });
    expect(JSON.stringify(b.households)).not.toEqual(JSON.stringify(a.households));
  });

  it('repeats the same sequence on every households() call, sync or async', async () => {
    const demo = await generateDemo({ persons: 2_000, seed: 3 });
    const first = [...demo.households()];
    const second: DemoHousehold[] = [];
    for await (const h of demo.households()) second.push(h);
    expect(second).toEqual(first);
  });
});

describe('generateDemo: one county, 50,000 people', () => {
  let demo: DemoData;
  let households: DemoHousehold[];
  let people: DemoHousehold['members'];
  let county: DemoData['counties'][number];
  beforeAll(async () => {
    ({ demo, households } = await run({ persons: 50_000, seed: 1 }));
    people = households.flatMap((h) => h.members);
    county = demo.counties[0]!;
  });

  it('plans one real county of Guizhou with exactly the requested people', () => {
    expect(demo.counties).toHaveLength(1);
    expect(county.provinceCode).toBe('52');
    expect(people).toHaveLength(50_000);
    const mean = people.length / households.length;
    expect(mean).toBeGreaterThan(3.5);
    expect(mean).toBeLessThan(4.2);
  });

  it('passes the zod schemas of @anju/core', () => {
    for (const site of demo.sites) expect(siteInput.safeParse(site).error).toBeUndefined();
    for (const employer of demo.employers) expect(employerInput.safeParse(employer).error).toBeUndefined();
    for (const h of households) {
      const parsed = householdInput.safeParse({ ...h.household, siteId: 1 });
      expect(parsed.error).toBeUndefined();
      for (const m of h.members) {
        const p = personInput.safeParse({ ...m, householdId: 1 });
        if (p.error) throw new Error(`${m.idNumber}: ${p.error.message}`);
      }
    }
  });

  it('keeps ID numbers, household numbers and site codes unique', () => {
    expect(new Set(people.map((p) => p.idNumber)).size).toBe(people.length);
    expect(new Set(households.map((h) => h.household.householdNo)).size).toBe(households.length);
    expect(new Set(demo.sites.map((s) => s.code)).size).toBe(demo.sites.length);
    const codes = demo.employers.flatMap((e) => (e.creditCode ? [e.creditCode] : []));
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('has exactly one head per household, listed first, and consistent relations', () => {
    for (const h of households) {
      expect(h.members[0]!.relation).toBe('head');
      expect(h.members.filter((m) => m.relation === 'head')).toHaveLength(1);
      expect(h.members.filter((m) => m.relation === 'spouse').length).toBeLessThanOrEqual(1);
      expect(h.members.length).toBeGreaterThanOrEqual(1);
      expect(h.members.length).toBeLessThanOrEqual(7);
      const head = h.members[0]!;
      const headAge = ageOn(head.birthDate!, demo.options.asOf);
      for (const m of h.members) {
        const age = ageOn(m.birthDate!, demo.options.asOf);
        if (m.relation === 'spouse') expect(m.sex).not.toBe(head.sex);
        if (m.relation === 'son' || m.relation === 'daughter') expect(headAge - age).toBeGreaterThanOrEqual(14);
        if (m.relation === 'grandchild') expect(headAge - age).toBeGreaterThanOrEqual(30);
        if (m.relation === 'parent') expect(age - headAge).toBeGreaterThanOrEqual(15);
        if (m.relation === 'son' || m.relation === 'son_in_law') expect(m.sex).toBe('M');
        if (m.relation === 'daughter' || m.relation === 'daughter_in_law') expect(m.sex).toBe('F');
      }
    }
  });

  it('draws person facts that agree with age and health', () => {
    for (const p of people) {
      const facts = parseIdNumber(p.idNumber);
      expect(facts.ok && facts.facts.birthDate === p.birthDate && facts.facts.sex === p.sex).toBe(true);
      const age = ageOn(p.birthDate!, demo.options.asOf);
      if (age >= 6 && age <= 11) expect(p.schoolStage).toBe('primary');
      if (age >= 12 && age <= 14) expect(p.schoolStage).toBe('junior');
      if (age < 16 || age > 65) expect(p.labourCapacity).toBe('none');
      if (p.schoolStage !== 'none') expect(p.labourCapacity).toBe('none');
      if (p.health === 'disabled') expect(p.disabilityGrade).toBeGreaterThanOrEqual(1);
      else expect(p.disabilityGrade).toBeNull();
      if (p.labourCapacity === 'skilled') expect(p.skills!.length).toBeGreaterThan(0);
    }
    const share = (pred: (p: (typeof people)[number]) => boolean) => people.filter(pred).length / people.length;
    expect(share((p) => p.health === 'disabled')).toBeGreaterThan(0.025);
    expect(share((p) => p.health === 'disabled')).toBeLessThan(0.06);
    expect(share((p) => p.medicalInsurance === true)).toBeGreaterThan(0.97);
    const registered = households.filter((h) => h.household.kind === 'registered_poor').length / households.length;
    expect(registered).toBeGreaterThan(0.7);
    expect(registered).toBeLessThan(0.8);
    const monitored = households.filter((h) => h.household.monitoringCategory !== 'none').length / households.length;
    expect(monitored).toBeGreaterThan(0.015);
    expect(monitored).toBeLessThan(0.05);
  });

  it('brings about 5 % of households from the neighbour county, only to crossCounty sites', () => {
    const crossSites = new Set(demo.sites.filter((s) => s.crossCounty).map((s) => s.code));
    const cross = households.filter((h) => !h.household.originVillageCode.startsWith(county.code));
    for (const h of cross) {
      expect(h.household.originVillageCode.slice(0, 6)).toBe(county.neighbourCode);
      expect(crossSites.has(h.household.siteCode)).toBe(true);
      for (const m of h.members) expect(m.idNumber.slice(0, 6)).toBe(county.neighbourCode);
    }
    const share = cross.length / households.length;
    expect(share).toBeGreaterThan(0.03);
    expect(share).toBeLessThan(0.07);
  });

  it('places sites of realistic size in the county, and employers with its code', () => {
    const sizes = countOf(households.flatMap((h) => h.members.map(() => h.household.siteCode)), (c) => c);
    for (const site of demo.sites) {
      expect(site.code.startsWith(`${county.code}-AZ`)).toBe(true);
      expect(site.divisionCode.startsWith(county.code)).toBe(true);
      const size = sizes.get(site.code)!;
      expect(size).toBeGreaterThanOrEqual(100);
      expect(size).toBeLessThanOrEqual(12_000);
      if (site.areaKind === 'rural') expect(Number(site.divisionCode.slice(6, 9))).toBeGreaterThanOrEqual(100);
    }
    expect(demo.sites.some((s) => s.areaKind === 'urban')).toBe(true);
    expect(demo.sites.some((s) => s.areaKind === 'rural')).toBe(true);
    const siteCodes = new Set(demo.sites.map((s) => s.code));
    for (const e of demo.employers) {
      if (e.creditCode) expect(parseCreditCode(e.creditCode).ok && e.creditCode.slice(2, 8) === county.code).toBe(true);
      if (e.siteCode) expect(siteCodes.has(e.siteCode)).toBe(true);
    }
    expect(new Set(demo.employers.map((e) => e.kind)).size).toBeGreaterThanOrEqual(3);
  });
});

describe('generateDemo: many counties and provinces', () => {
  it('spills over other provinces and keeps IDs unique across counties', async () => {
    const { demo, households } = await run({ persons: 40_000, seed: 5, province: '64', countyCapacity: 1_000 });
    const people = households.flatMap((h) => h.members);
    expect(people).toHaveLength(40_000);
    expect(demo.counties[0]!.provinceCode).toBe('64');
    expect(new Set(demo.counties.map((c) => c.provinceCode)).size).toBeGreaterThan(1);
    for (const c of demo.counties) expect(c.persons).toBeLessThanOrEqual(1_000);
    expect(new Set(demo.counties.map((c) => c.code)).size).toBe(demo.counties.length);
    // The ID scheme relies on every county being the neighbour of at most one other county.
    const neighbours = demo.counties.flatMap((c) => (c.neighbourCode ? [c.neighbourCode] : []));
    expect(new Set(neighbours).size).toBe(neighbours.length);
    expect(new Set(people.map((p) => p.idNumber)).size).toBe(people.length);
    expect(new Set(households.map((h) => h.household.householdNo)).size).toBe(households.length);
    expect(new Set(demo.sites.map((s) => s.code)).size).toBe(demo.sites.length);
    for (const h of households.slice(0, 2_000)) {
      expect(householdInput.safeParse({ ...h.household, siteId: 1 }).error).toBeUndefined();
      for (const m of h.members) expect(personInput.safeParse({ ...m, householdId: 1 }).error).toBeUndefined();
    }
  });

  it.each(['43', '14'])('generates valid data for province %s', async (province) => {
    const { demo, households } = await run({ persons: 4_000, seed: 11, province });
    expect(demo.counties[0]!.provinceCode).toBe(province);
    for (const site of demo.sites) expect(siteInput.safeParse(site).error).toBeUndefined();
    for (const e of demo.employers) expect(employerInput.safeParse(e).error).toBeUndefined();
    for (const h of households) {
      expect(householdInput.safeParse({ ...h.household, siteId: 1 }).error).toBeUndefined();
      for (const m of h.members) expect(personInput.safeParse({ ...m, householdId: 1 }).error).toBeUndefined();
    }
  });

  it('plans 10 million people lazily over many counties', async () => {
    const demo = await generateDemo({ persons: 10_000_000, seed: 1 });
    expect(demo.counties.reduce((sum, c) => sum + c.persons, 0)).toBe(10_000_000);
    for (const c of demo.counties) expect(c.persons).toBeLessThanOrEqual(100_000);
    expect(demo.counties[0]!.provinceCode).toBe('52');
    expect(new Set(demo.counties.map((c) => c.provinceCode)).size).toBeGreaterThan(1);
    let n = 0;
    for (const _h of demo.households()) if (++n >= 1_000) break; // nothing is generated up front
    expect(n).toBe(1_000);
  });

  it('rejects bad options', async () => {
    await expect(generateDemo({ persons: 0, seed: 1 })).rejects.toThrow();
    await expect(generateDemo({ persons: 10, seed: 1, province: '99' })).rejects.toThrow();
  });
});
