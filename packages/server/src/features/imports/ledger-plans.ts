/** What differs between ledgers: the definition, the staging columns, the checks and the merge. */
import { ledgers, type LedgerDefinition, type LedgerName } from '@anju/core';
import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import * as repo from './registry-import-repo.js';
import { householdStage, labourStage, personStage, siteStage, type StageColumn } from './stage-columns.js';
import type { AppContext } from '../../platform/context.js';
import { refreshFacts } from '../employment/labour-facts.js';
import { checkLabour, mergeLabour, touchedScopes } from './labour-import-repo.js';
import { departmentPlans } from '../department-data/department-plans.js';

export interface LedgerPlan {
  definition: LedgerDefinition<unknown>;
  stage: StageColumn<unknown>[];
  /**
   * partialHouseholds: household numbers of rows refused before staging; the stage holds only
   * part of those households, so a check of a household as a whole must leave them out.
   */
  check(db: Kysely<DB>, stage: string, scope: string, partialHouseholds: string[]): Promise<repo.StagedIssue[]>;
  merge(db: Kysely<DB>, stage: string, jobId: string): Promise<Record<string, repo.MergeCounts>>;
  /**
   * Rows that go in as nothing but are not errors either (a department list's rows that match
   * nobody in the division): counted, and listed with their reason in a downloadable file.
   */
  unmatched?(db: Kysely<DB>, stage: string): Promise<{ row_no: number; reason: string }[]>;
  /** Work that follows a merge in its transaction (recomputing what depends on the rows). */
  afterMerge?(ctx: AppContext, db: Kysely<DB>, stage: string): Promise<void>;
  /** Work that follows the committed import, outside its transaction (raising warnings on what came in). */
  afterCommit?(ctx: AppContext, jobId: string): Promise<void>;
}

export const ledgerPlans: Record<LedgerName, LedgerPlan> = {
  sites: {
    definition: ledgers.sites as LedgerDefinition<unknown>,
    stage: siteStage as StageColumn<unknown>[],
    check: (db, stage, scope) => repo.checkSites(db, stage, scope),
    merge: async (db, stage, jobId) => ({ sites: await repo.mergeSites(db, stage, jobId) }),
  },
  households: {
    definition: ledgers.households as LedgerDefinition<unknown>,
    stage: householdStage as StageColumn<unknown>[],
    check: (db, stage, scope) => repo.checkHouseholds(db, stage, scope, false),
    merge: async (db, stage, jobId) => ({ households: await repo.mergeHouseholds(db, stage, jobId) }),
  },
  persons: {
    definition: ledgers.persons as LedgerDefinition<unknown>,
    stage: personStage as StageColumn<unknown>[],
    check: async (db, stage, scope, partialHouseholds) => [...(await repo.checkHouseholds(db, stage, scope, true)), ...(await repo.checkPersons(db, stage, scope, partialHouseholds))],
    merge: async (db, stage, jobId) => {
      const households = await repo.mergeHouseholds(db, stage, jobId);
      return { households, persons: await repo.mergePersons(db, stage, jobId) };
    },
  },
  labour: {
    definition: ledgers.labour as LedgerDefinition<unknown>,
    stage: labourStage as StageColumn<unknown>[],
    check: (db, stage, scope) => checkLabour(db, stage, scope),
    merge: async (db, stage, jobId) => ({ labour: await mergeLabour(db, stage, jobId) }),
    async afterMerge(ctx, db, stage) {
      for (const { county_code, period } of await touchedScopes(db, stage)) await refreshFacts(ctx, db, county_code, period);
    },
  },
  ...departmentPlans,
};
