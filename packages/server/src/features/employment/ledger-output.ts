import { ageOn, maskIdNumber, periodEnd, type LabourFacts } from '@anju/core';
import type { FactColumns, LabourRecordRow } from './ledger-repo.js';
import type { LabourRecordOutput } from './employment-schemas.js';

export function toFacts(r: FactColumns): LabourFacts {
  return {
    wantsWork: r.wants_work,
    state: r.state as LabourFacts['state'],
    channel: r.channel as LabourFacts['channel'],
    place: r.place as LabourFacts['place'],
    employerId: r.employer_id === null ? null : String(r.employer_id),
    employerName: r.employer_name,
    startDate: r.start_date,
    contractMonths: r.contract_months,
    socialInsurance: r.social_insurance,
    monthlyIncome: r.monthly_income === null ? null : Number(r.monthly_income),
    trainingWish: r.training_wish,
  };
}

export function toColumns(f: LabourFacts): FactColumns {
  return {
    wants_work: f.wantsWork,
    state: f.state,
    channel: f.channel,
    place: f.place,
    employer_id: f.employerId,
    employer_name: f.employerName,
    start_date: f.startDate,
    contract_months: f.contractMonths,
    social_insurance: f.socialInsurance,
    monthly_income: f.monthlyIncome === null ? null : String(f.monthlyIncome),
    training_wish: f.trainingWish,
  };
}

/** Income is personal data (SPEC §12): null with `incomeMasked` unless revealed through an audited read. */
export function toRecordOutput(r: LabourRecordRow, revealIncome: boolean): LabourRecordOutput {
  const facts = toFacts(r);
  return {
    personId: String(r.person_id),
    period: r.period,
    periodStatus: r.period_status as LabourRecordOutput['periodStatus'],
    householdId: String(r.household_id),
    householdNo: r.household_no,
    divisionCode: r.dest_division_code,
    name: r.name,
    sex: r.sex,
    age: ageOn(r.birth_date, periodEnd(r.period)),
    idNumber: maskIdNumber(r.id_number),
    labourCapacity: r.labour_capacity,
    skills: r.skills,
    facts: { ...facts, monthlyIncome: revealIncome ? facts.monthlyIncome : null },
    incomeMasked: !revealIncome && facts.monthlyIncome !== null,
    confirmed: r.confirmed,
    corrected: r.corrected,
    derived: {
      labourForce: r.labour_force,
      stablyEmployed: r.stably_employed,
      firstCrossProvince: r.first_cross_province,
      returnee: r.returnee,
    },
    version: r.version,
    updatedAt: r.updated_at.toISOString(),
  };
}
