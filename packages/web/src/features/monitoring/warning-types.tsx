/**
 * Answers of the /monitoring/warnings routes, from the server's zod output schemas (type-only,
 * erased at build time), so a change on the server fails this type-check instead of drifting.
 */
import type { z } from 'zod';
import type { runOutput, warningOutput, warningPage } from '../../../../server/src/features/monitoring/warning-schemas.js';

export type Warning = z.infer<typeof warningOutput>;
export type WarningFact = Warning['facts'][number];
export type WarningStatus = Warning['status'];
export type WarningPage = z.infer<typeof warningPage>;
export type RunSummary = z.infer<typeof runOutput>;
