/**
 * Answers of the /policy routes, from the server's zod output schemas (type-only, erased at build
 * time), so a change on the server fails this type-check instead of drifting silently.
 */
import type { z } from 'zod';
import type {
  eligibilityOutput,
  householdEvaluationOutput,
  simulationOutput,
  subjectsOutput,
} from '../../../../server/src/features/policy/evaluation-schemas.js';
import type { EntitlementOutput, packDetail, packSummary, proposalOutput } from '../../../../server/src/features/policy/policy-schemas.js';

export type HouseholdEvaluation = z.infer<typeof householdEvaluationOutput>;
export type EvaluatedSubject = HouseholdEvaluation['subjects'][number];
export type RuleResultOutput = EvaluatedSubject['results'][number];
export type TraceOutput = RuleResultOutput['trace'];
export type Eligibility = z.infer<typeof eligibilityOutput>;
/** The contract also names an `amount` per rule; shown when the server sends it. */
export type EligibilityRule = Eligibility['rules'][number] & { amount?: number | null };
export type SubjectsPage = z.infer<typeof subjectsOutput>;
export type SubjectItem = SubjectsPage['items'][number];
export type Simulation = z.infer<typeof simulationOutput>;
export type SimulationRule = Simulation['rules'][number];
export type SimulationDivision = Simulation['divisions'][number];

export type PackSummary = z.infer<typeof packSummary>;
export type PackDetail = z.infer<typeof packDetail>;
export type PackRevision = PackDetail['history'][number];
export type Entitlement = EntitlementOutput;
export type EntitlementStatus = Entitlement['status'];
export type ProposalResult = z.infer<typeof proposalOutput>;
