/**
 * Answers of the /monitoring/cases routes and the plan's, from the server's zod schemas
 * (type-only, erased at build time), so a change on the server fails this type-check instead of
 * drifting silently.
 */
import type { z } from 'zod';
import type { needOutput, planOutput, taskOutput } from '../../../../server/src/features/assistance/assistance-schemas.js';
import type {
  actionInput,
  boardOutput,
  caseDetail,
  caseListItem,
  earlierCaseOutput,
  eliminationCheckOutput,
  evidenceOutput,
} from '../../../../server/src/features/monitoring-cases/case-schemas.js';

export type Need = z.infer<typeof needOutput>;
export type Task = z.infer<typeof taskOutput>;
export type Plan = z.infer<typeof planOutput>;

export type CaseItem = z.infer<typeof caseListItem>;
export type CaseDetail = z.infer<typeof caseDetail>;
export type CaseEvent = CaseDetail['events'][number];
export type Evidence = z.infer<typeof evidenceOutput>;
export type EarlierCase = z.infer<typeof earlierCaseOutput>;
export type NextAction = CaseDetail['nextActions'][number];
export type CaseAction = NextAction['action'];
export type Board = z.infer<typeof boardOutput>;
export type EliminationCheck = z.infer<typeof eliminationCheckOutput>;

type ActionBody = z.input<typeof actionInput>;
/** The body of POST /monitoring/cases/:id/actions beyond action and version. */
export type ActionExtra = Partial<Omit<Extract<ActionBody, { action: 'verify' }>, 'action' | 'version'>> &
  Partial<Omit<Extract<ActionBody, { action: 'notice' }>, 'action' | 'version'>> &
  Partial<Omit<Extract<ActionBody, { action: 'reject' }>, 'action' | 'version'>>;
