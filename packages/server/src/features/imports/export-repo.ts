/** Ledger rows for export, keyed by the ledger's column keys, read in id order in batches. */
import { sql, type Kysely } from 'kysely';
import type { ExportableLedgerName } from '@anju/core';
import type { DB } from '../../db/schema.js';

export type ExportRecord = Record<string, unknown> & { _id: string };

const HOUSEHOLD_FIELDS = sql.raw(`h.household_no AS "householdNo", s.code AS "siteCode", h.origin_village_code AS "originVillageCode",
  h.relocation_year AS "relocationYear", h.kind AS "kind", h.building AS "building", h.unit AS "unit", h.room AS "room",
  h.property_cert_state AS "propertyCertState", h.vegetable_plot AS "vegetablePlot", h.monitoring_category AS "monitoringCategory",
  h.contracted_land_mu AS "contractedLandMu", h.forest_land_mu AS "forestLandMu", h.land_transferred AS "landTransferred",
  h.homestead_reclaimed AS "homesteadReclaimed"`);

const QUERIES: Record<ExportableLedgerName, (scope: string, afterId: string, limit: number, period: string) => ReturnType<typeof sql<ExportRecord>>> = {
  sites: (scope, afterId, limit) => sql<ExportRecord>`
    SELECT s.id::text AS "_id", s.code AS "code", s.name AS "name", s.division_code AS "divisionCode", s.area_kind AS "areaKind",
           s.settlement_kind AS "settlementKind", s.cross_county AS "crossCounty", s.build_year AS "buildYear",
           s.latitude AS "latitude", s.longitude AS "longitude"
    FROM site s WHERE s.division_code LIKE ${scope + '%'} AND s.id > ${afterId} ORDER BY s.id LIMIT ${limit}`,
  households: (scope, afterId, limit) => sql<ExportRecord>`
    SELECT h.id::text AS "_id", ${HOUSEHOLD_FIELDS}
    FROM household h JOIN site s ON s.id = h.site_id
    WHERE h.dest_division_code LIKE ${scope + '%'} AND h.status = 'active' AND h.id > ${afterId} ORDER BY h.id LIMIT ${limit}`,
  persons: (scope, afterId, limit) => sql<ExportRecord>`
    SELECT p.id::text AS "_id", ${HOUSEHOLD_FIELDS}, p.name AS "name", p.id_number AS "idNumber", p.relation AS "relation", p.sex AS "sex",
           p.birth_date AS "birthDate", p.ethnicity AS "ethnicity", p.education AS "education", p.school_stage AS "schoolStage",
           p.health AS "health", p.disability_grade AS "disabilityGrade", p.labour_capacity AS "labourCapacity", p.skills AS "skills",
           p.medical_insurance AS "medicalInsurance", p.pension_insurance AS "pensionInsurance", p.safety_net AS "safetyNet",
           p.forest_ranger AS "forestRanger", p.hukou_state AS "hukouState", p.phone AS "phone"
    FROM person p JOIN household h ON h.id = p.household_id JOIN site s ON s.id = h.site_id
    WHERE p.dest_division_code LIKE ${scope + '%'} AND h.status = 'active' AND p.id > ${afterId} ORDER BY p.id LIMIT ${limit}`,
  labour: (scope, afterId, limit, period) => sql<ExportRecord>`
    SELECT r.person_id::text AS "_id", r.period AS "period", h.household_no AS "householdNo", p.name AS "name", p.id_number AS "idNumber",
           r.wants_work AS "wantsWork", r.state AS "state", r.channel AS "channel", r.place AS "place", r.employer_name AS "employerName",
           r.start_date AS "startDate", r.contract_months AS "contractMonths", r.social_insurance AS "socialInsurance",
           r.monthly_income AS "monthlyIncome", r.training_wish AS "trainingWish"
    FROM labour_record r JOIN person p ON p.id = r.person_id JOIN household h ON h.id = r.household_id
    WHERE r.period = ${period} AND r.dest_division_code LIKE ${scope + '%'} AND r.person_id > ${afterId}
    ORDER BY r.person_id LIMIT ${limit}`,
};

/** `period` selects the month of the labour ledger; the registry ledgers ignore it. */
export async function* exportBatches(db: Kysely<DB>, ledger: ExportableLedgerName, scope: string, period = '', batchSize = 5000): AsyncGenerator<ExportRecord[]> {
  let afterId = '0';
  for (;;) {
    const { rows } = await QUERIES[ledger](scope, afterId, batchSize, period).execute(db);
    if (rows.length === 0) return;
    yield rows;
    afterId = rows[rows.length - 1]!._id;
  }
}
