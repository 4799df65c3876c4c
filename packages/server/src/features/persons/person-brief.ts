/**
 * A person as other features show them (trainees, post holders, candidates): enough to tell
 * people apart, nothing more. The ID number is always masked and the phone is never included;
 * the full values go only through the audited /persons/{id}/sensitive.
 */
import { z } from 'zod';
import { ageOn, maskIdNumber } from '@anju/core';

export const personBrief = z.object({
  personId: z.string(),
  name: z.string(),
  sex: z.string(),
  age: z.number(),
  idNumber: z.string().describe('脱敏'),
  householdId: z.string(),
  householdNo: z.string(),
});
export type PersonBrief = z.infer<typeof personBrief>;

/** The columns a repository selects (under these names) to build a PersonBrief. */
export interface PersonBriefRow {
  person_id: string;
  person_name: string;
  sex: string;
  birth_date: string;
  id_number: string;
  household_id: string;
  household_no: string;
}

export function toPersonBrief(row: PersonBriefRow, on: string): PersonBrief {
  return {
    personId: String(row.person_id),
    name: row.person_name,
    sex: row.sex,
    age: ageOn(row.birth_date, on),
    idNumber: maskIdNumber(row.id_number),
    householdId: String(row.household_id),
    householdNo: row.household_no,
  };
}
