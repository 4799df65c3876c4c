import type { LabourCapacity, SchoolStage } from './enums.js';

/** SPEC §3.3: 劳动力 = age 16–60, able to work, not a full-time student. Ages are a setting. */
export interface LabourForceSetting {
  minAge: number;
  maxAge: number;
}

export const DEFAULT_LABOUR_FORCE: LabourForceSetting = { minAge: 16, maxAge: 60 };

export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/**
 * Only a known full-time student is left out: the labour force is the working-age people able
 * to work, and an unknown school stage (未填写) puts the person on the monthly ledger, where the
 * collector records what they do. Leaving them out would hide them from the ledger and from
 * zero-employment checks until someone filled the field.
 */
export function isLabourForce(
  person: { birthDate: string; labourCapacity: LabourCapacity; schoolStage: SchoolStage | null },
  on: string,
  setting: LabourForceSetting = DEFAULT_LABOUR_FORCE,
): boolean {
  const age = ageOn(person.birthDate, on);
  return (
    age >= setting.minAge &&
    age <= setting.maxAge &&
    person.labourCapacity !== 'lost' &&
    person.labourCapacity !== 'none' &&
    (person.schoolStage ?? 'none') === 'none'
  );
}
