/**
 * One relocated household and its members: a family shape first (head, spouse, children, at
 * times the head's parents, or a married son with his wife and children), then each person's
 * registry facts drawn so that they agree with age and health the way a caseworker expects:
 * children of 6–15 are at school, the old and the young have no labour capacity, a severe
 * disability usually means capacity lost, 低保 goes with hardship, and so on.
 *
 * This is the hot path of the generator (millions of calls), so it works on plain numbers and
 * small arrays and leaves validation to the tests.
 */
import type { HouseholdInput, PersonInput } from '@anju/core';
import { Calendar } from './calendar.js';
import type { Village } from './division-source.js';
import type { IdAllocator } from './id-allocator.js';
import { MOBILE_PREFIXES, SKILLS_BY_SEX, generationChar, personName, pickSurname } from './names.js';
import { Rand, Weighted } from './random.js';
import type { PlannedSite } from './site-plan.js';

type Sex = 'M' | 'F';
type Relation = PersonInput['relation'];
export type DemoPerson = Omit<PersonInput, 'householdId'>;
export type DemoHouseholdRecord = Omit<HouseholdInput, 'siteId'> & { siteCode: string };
export interface DemoHousehold {
  household: DemoHouseholdRecord;
  members: DemoPerson[];
}

/** Where the household comes from: its origin county's villages, and whether that is the neighbour. */
export interface Origin {
  regionCode: string;
  imported: boolean;
  villages: readonly Village[];
  /** The ethnic make-up of the origin county: people move, their ethnicity comes with them. */
  ethnicMix: Weighted<string>;
}

export interface BuildContext {
  rand: Rand;
  calendar: Calendar;
  ids: IdAllocator;
}

/** A member before the registry facts are drawn. */
interface Draft {
  relation: Relation;
  sex: Sex;
  age: number;
  ethnicity: string;
  surname: string;
  generation?: string;
}

/** Household sizes 1–7, mean ≈ 3.85 (rural households in the relocation areas). */
export const HOUSEHOLD_SIZES = new Weighted([[1, 8], [2, 14], [3, 18], [4, 25], [5, 20], [6, 10], [7, 5]] as const);
const DISABILITY_GRADES = new Weighted([[1, 10], [2, 20], [3, 30], [4, 40]] as const);
const ADULT_EDUCATION = {
  young: new Weighted([['none', 3], ['primary', 20], ['junior', 50], ['senior', 12], ['vocational', 8], ['college', 5], ['bachelor', 2]] as const),
  middle: new Weighted([['none', 10], ['primary', 40], ['junior', 40], ['senior', 7], ['vocational', 2], ['college', 1]] as const),
  old: new Weighted([['none', 45], ['primary', 40], ['junior', 13], ['senior', 2]] as const),
};
const HUKOU = {
  urban: new Weighted([['moved', 60], ['residence_permit', 20], ['not_moved', 20]] as const),
  rural: new Weighted([['moved', 40], ['residence_permit', 10], ['not_moved', 50]] as const),
};
const CERT_STATES = new Weighted([['issued', 70], ['applying', 20], ['none', 10]] as const);

const clampAge = (age: number) => Math.max(0, Math.min(Calendar.MAX_AGE, age));

/** The family shape: who lives together and how old they are. */
function draftFamily(rand: Rand, size: number, mix: Weighted<string>): Draft[] {
  const out: Draft[] = [];
  const headSex: Sex = rand.chance(0.82) ? 'M' : 'F';
  let headAge: number;
  if (size === 1) headAge = rand.chance(0.65) ? rand.int(60, 88) : rand.int(25, 59);
  else {
    const r = rand.float();
    headAge = r < 0.3 ? rand.normalInt(36, 5, 24, 45) : r < 0.72 ? rand.normalInt(50, 5, 40, 60) : r < 0.95 ? rand.int(60, 75) : rand.int(75, 86);
  }
  const headEthnicity = mix.pick(rand);
  const head: Draft = { relation: 'head', sex: headSex, age: headAge, ethnicity: headEthnicity, surname: pickSurname(rand, headEthnicity) };
  out.push(head);
  let remaining = size - 1;

  let spouse: Draft | undefined;
  if (remaining > 0 && rand.chance(headAge > 70 ? 0.6 : 0.88)) {
    const gap = rand.normalInt(2, 3, -3, 10); // husbands a little older
    const ethnicity = rand.chance(0.8) ? headEthnicity : mix.pick(rand);
    spouse = {
      relation: 'spouse',
      sex: headSex === 'M' ? 'F' : 'M',
      age: Math.max(20, clampAge(headSex === 'M' ? headAge - gap : headAge + gap)),
      ethnicity,
      surname: pickSurname(rand, ethnicity),
    };
    out.push(spouse);
    remaining--;
  }
  const father = head.sex === 'M' ? head : spouse;
  const mother = head.sex === 'F' ? head : spouse;
  const familySurname = (father ?? head).surname;
  // Children of a mixed couple are usually registered with the minority (policy benefits).
  const childEthnicity = () => {
    const a = head.ethnicity;
    const b = spouse?.ethnicity ?? a;
    if (a === b) return a;
    const minority = a === '汉族' ? b : a;
    return rand.chance(0.7) ? minority : a === minority ? b : a;
  };
  const parentAge = (mother ?? father ?? head).age;

  // The head's own parents, in younger households.
  const wantParents = headAge <= 50 && remaining >= (spouse ? 3 : 1) && rand.chance(spouse ? 0.3 : 0.5);
  if (wantParents) {
    const both = remaining >= 2 && rand.chance(0.5);
    const fatherAge = clampAge(headAge + rand.int(24, 33));
    if (both || rand.chance(0.4)) out.push({ relation: 'parent', sex: 'M', age: fatherAge, ethnicity: head.ethnicity, surname: head.surname });
    if (both || out[out.length - 1]!.relation !== 'parent') {
      out.push({ relation: 'parent', sex: 'F', age: clampAge(fatherAge - rand.int(0, 5)), ethnicity: head.ethnicity, surname: pickSurname(rand, head.ethnicity) });
    }
    remaining = size - out.length;
  }

  // Three generations: a married son (or, less often, a daughter with a live-in husband).
  if (headAge >= 52 && remaining >= 2 && rand.chance(0.65)) {
    const viaDaughter = rand.chance(0.08);
    const childAge = Math.max(20, parentAge - rand.int(22, 32));
    const ethnicity = childEthnicity();
    const child: Draft = { relation: viaDaughter ? 'daughter' : 'son', sex: viaDaughter ? 'F' : 'M', age: childAge, ethnicity, surname: familySurname };
    const inLawEthnicity = rand.chance(0.8) ? ethnicity : mix.pick(rand);
    const inLaw: Draft = {
      relation: viaDaughter ? 'son_in_law' : 'daughter_in_law',
      sex: viaDaughter ? 'M' : 'F',
      age: Math.max(20, childAge + (viaDaughter ? 1 : -1) * rand.int(-1, 4)),
      ethnicity: inLawEthnicity,
      surname: pickSurname(rand, inLawEthnicity),
    };
    out.push(child, inLaw);
    remaining -= 2;
    const youngMother = viaDaughter ? child.age : inLaw.age;
    const grandSurname = viaDaughter && rand.chance(0.5) ? inLaw.surname : familySurname;
    for (const age of childAges(rand, youngMother, remaining)) {
      const sex: Sex = rand.chance(0.52) ? 'M' : 'F';
      out.push({ relation: 'grandchild', sex, age, ethnicity: child.ethnicity, surname: grandSurname });
    }
    return out;
  }

  // An unmarried head sometimes lives with a brother or sister.
  if (!spouse && remaining > 0 && headAge < 50 && rand.chance(0.3)) {
    out.push({ relation: 'sibling', sex: rand.chance(0.5) ? 'M' : 'F', age: clampAge(headAge + rand.int(-6, 6)), ethnicity: head.ethnicity, surname: head.surname });
    remaining--;
  }

  // Children, oldest first; sons often share a generation character (字辈).
  const generation = rand.chance(0.3) ? generationChar(rand, 'M', head.age > 45 ? 1985 : 2008) : undefined;
  for (const age of childAges(rand, parentAge, remaining)) {
    const sex: Sex = rand.chance(0.52) ? 'M' : 'F';
    out.push({ relation: sex === 'M' ? 'son' : 'daughter', sex, age, ethnicity: childEthnicity(), surname: familySurname, generation: sex === 'M' ? generation : undefined });
  }
  return out;
}

/**
 * Ages of `count` children, oldest first: the first born when the mother was 20–30 (but early
 * enough that the younger ones fit in), then one to five years apart, never below 0.
 */
function childAges(rand: Rand, motherAge: number, count: number): number[] {
  const ages: number[] = [];
  if (count <= 0) return ages;
  let age = Math.max(0, motherAge - rand.int(20, 30));
  age = Math.max(age, Math.min(motherAge - 18, (count - 1) * 2));
  for (let left = count - 1; ; left--) {
    ages.push(Math.max(0, age));
    if (left === 0) return ages;
    age -= Math.min(rand.int(1, 5), Math.max(1, Math.floor(age / left)));
  }
}

type SchoolFacts = Pick<DemoPerson, 'education' | 'schoolStage'>;

function schooling(rand: Rand, age: number): SchoolFacts {
  if (age < 3) return { education: 'preschool', schoolStage: 'none' };
  if (age < 6) return { education: 'preschool', schoolStage: rand.chance(0.8) ? 'preschool' : 'none' };
  if (age < 12) return { education: 'primary', schoolStage: 'primary' };
  if (age < 15) return { education: 'junior', schoolStage: 'junior' };
  if (age === 15) return rand.chance(0.6) ? { education: 'junior', schoolStage: 'junior' } : { education: 'senior', schoolStage: 'senior' };
  if (age <= 18) {
    if (rand.chance(0.78)) return rand.chance(0.55) ? { education: 'senior', schoolStage: 'senior' } : { education: 'vocational', schoolStage: 'vocational' };
    return { education: 'junior', schoolStage: 'none' };
  }
  if (age <= 22 && rand.chance(0.22)) {
    return rand.chance(0.6) ? { education: 'college', schoolStage: 'college' } : { education: 'bachelor', schoolStage: 'university' };
  }
  const table = age <= 45 ? ADULT_EDUCATION.young : age <= 60 ? ADULT_EDUCATION.middle : ADULT_EDUCATION.old;
  return { education: table.pick(rand), schoolStage: 'none' };
}

function health(rand: Rand, age: number): Pick<DemoPerson, 'health' | 'disabilityGrade'> {
  const r = rand.float();
  const [disabled, serious, chronic] = age < 16 ? [0.015, 0.003, 0.005] : age < 40 ? [0.035, 0.008, 0.02] : age < 60 ? [0.045, 0.015, 0.08] : [0.09, 0.03, 0.25];
  if (r < disabled) return { health: 'disabled', disabilityGrade: DISABILITY_GRADES.pick(rand) };
  if (r < disabled + serious) return { health: 'serious', disabilityGrade: null };
  if (r < disabled + serious + chronic) return { health: 'chronic', disabilityGrade: null };
  return { health: 'healthy', disabilityGrade: null };
}

function labourCapacity(
  rand: Rand,
  age: number,
  p: Pick<DemoPerson, 'health' | 'disabilityGrade'>,
  school: SchoolFacts,
): DemoPerson['labourCapacity'] {
  if (age < 16 || age > 65 || school.schoolStage !== 'none') return 'none';
  if (p.health === 'disabled') {
    const grade = p.disabilityGrade ?? 4;
    if (grade <= 2) return 'lost';
    if (grade === 3) return rand.chance(0.6) ? 'lost' : 'weak';
    return rand.chance(0.6) ? 'weak' : 'ordinary';
  }
  if (p.health === 'serious') return rand.chance(0.5) ? 'lost' : 'weak';
  if (p.health === 'chronic') return rand.chance(0.6) ? 'weak' : 'ordinary';
  if (age > 60) return rand.chance(0.5) ? 'weak' : 'ordinary';
  if (age > 55 && rand.chance(0.3)) return 'weak';
  if (age < 18) return 'ordinary'; // a certificate takes training after school
  const e = school.education;
  const schooled = e === 'senior' || e === 'vocational' || e === 'college' || e === 'bachelor';
  return rand.chance(schooled ? 0.4 : 0.2) ? 'skilled' : 'ordinary';
}

function skills(rand: Rand, sex: Sex, capacity: DemoPerson['labourCapacity']): string[] {
  if (capacity === 'skilled') {
    const first = SKILLS_BY_SEX[sex].pick(rand);
    if (!rand.chance(0.35)) return [first];
    const second = SKILLS_BY_SEX[sex].pick(rand);
    return second === first ? [first] : [first, second];
  }
  if ((capacity === 'ordinary' || capacity === 'weak') && rand.chance(0.1)) return [SKILLS_BY_SEX[sex].pick(rand)];
  return [];
}

function mobile(rand: Rand): string {
  return rand.pick(MOBILE_PREFIXES) + String(rand.int(0, 99_999_999)).padStart(8, '0');
}

/** building/unit/room of the n-th flat of a concentrated site; scattered households have none. */
function address(site: PlannedSite, flat: number): Pick<DemoHouseholdRecord, 'building' | 'unit' | 'room'> {
  if (site.site.settlementKind === 'scattered') return { building: null, unit: null, room: null };
  const perUnit = site.floors * site.flatsPerFloor;
  const perBuilding = perUnit * site.units;
  const inBuilding = flat % perBuilding;
  const floor = Math.floor((inBuilding % perUnit) / site.flatsPerFloor) + 1;
  const door = (inBuilding % site.flatsPerFloor) + 1;
  return {
    building: `${Math.floor(flat / perBuilding) + 1}栋`,
    unit: `${Math.floor(inBuilding / perUnit) + 1}单元`,
    room: `${floor}${door < 10 ? '0' : ''}${door}`,
  };
}

export function buildHousehold(
  ctx: BuildContext,
  site: PlannedSite,
  origin: Origin,
  householdNo: string,
  flat: number,
  size: number,
): DemoHousehold {
  const { rand, calendar, ids } = ctx;
  const urban = site.site.areaKind === 'urban';
  const hukouState = (urban ? HUKOU.urban : HUKOU.rural).pick(rand);
  const drafts = draftFamily(rand, size, origin.ethnicMix);

  const members: DemoPerson[] = [];
  let hardship = false;
  for (const d of drafts) {
    const { idNumber, day } = ids.allocate(origin.regionCode, origin.imported, rand.int(calendar.firstDayForAge(d.age), calendar.lastDayForAge(d.age)), d.sex);
    const age = calendar.ageOf(day);
    const school = schooling(rand, age);
    const h = health(rand, age);
    const capacity = labourCapacity(rand, age, h, school);
    if (h.health === 'serious' || capacity === 'lost') hardship = true;
    const adult = age >= 16 && school.schoolStage === 'none';
    members.push({
      idNumber,
      name: personName(rand, { ethnicity: d.ethnicity, sex: d.sex, birthYear: calendar.year(day), surname: d.surname, generationChar: d.generation }),
      sex: d.sex,
      birthDate: calendar.isoDate(day),
      relation: d.relation,
      ethnicity: d.ethnicity,
      education: school.education,
      schoolStage: school.schoolStage,
      health: h.health,
      disabilityGrade: h.disabilityGrade,
      labourCapacity: capacity,
      skills: skills(rand, d.sex, capacity),
      medicalInsurance: rand.chance(0.99),
      pensionInsurance: adult && rand.chance(0.88),
      safetyNet: 'none',
      forestRanger: false,
      hukouState,
      phone: age >= 18 ? (rand.chance(age <= 70 ? 0.88 : 0.3) ? mobile(rand) : null) : age >= 16 && rand.chance(0.4) ? mobile(rand) : null,
    });
  }

  // Safety net: 特困 for a lone old or incapacitated person, 低保 for the whole household.
  const head = members[0]!;
  const urbanNet = urban && hukouState === 'moved';
  if (members.length === 1 && (head.labourCapacity === 'lost' || head.labourCapacity === 'none') && rand.chance(0.25)) {
    head.safetyNet = urbanNet ? 'tekun_urban' : 'tekun_rural';
  } else if (rand.chance(hardship ? 0.2 : 0.035)) {
    for (const m of members) m.safetyNet = urbanNet ? 'dibao_urban' : 'dibao_rural';
  }

  // 生态护林员: a public-welfare job at the origin village for an able adult.
  if (rand.chance(urban ? 0.01 : 0.04)) {
    const ranger = members.find((m) => m.labourCapacity !== 'none' && m.labourCapacity !== 'lost' && m.schoolStage === 'none');
    if (ranger) ranger.forestRanger = true;
  }

  const kind = rand.chance(0.75) ? 'registered_poor' : 'synchronous';
  let monitoringCategory: DemoHouseholdRecord['monitoringCategory'] = 'none';
  if (rand.chance(hardship ? 0.1 : 0.022)) {
    if (kind === 'registered_poor') monitoringCategory = rand.chance(0.6) ? 'unstable' : 'sudden_hardship';
    else monitoringCategory = rand.chance(0.7) ? 'marginal' : 'sudden_hardship';
  }
  const buildYear = site.site.buildYear ?? 2018;
  const hasLand = rand.chance(0.85);
  const hasForest = rand.chance(0.6);
  return {
    household: {
      householdNo,
      originVillageCode: rand.pick(origin.villages).code,
      siteCode: site.site.code,
      ...address(site, flat),
      relocationYear: Math.min(2020, buildYear + (rand.chance(0.7) ? 0 : rand.int(1, 2))),
      kind,
      propertyCertState: CERT_STATES.pick(rand),
      vegetablePlot: rand.chance(urban ? 0.15 : 0.6),
      monitoringCategory,
      contractedLandMu: hasLand ? Math.round((0.5 + rand.float() * 6) * 10) / 10 : null,
      forestLandMu: hasForest ? Math.round((1 + rand.float() * 40) * 10) / 10 : null,
      landTransferred: (hasLand || hasForest) && rand.chance(0.45),
      homesteadReclaimed: rand.chance(0.85),
    },
    members,
  };
}
