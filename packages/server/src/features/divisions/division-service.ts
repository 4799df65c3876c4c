/**
 * Division names and codes are public national data, but the tree is still rooted at the
 * user's home division so the switcher only offers what the user may choose.
 */
import type { AppContext } from '../../platform/context.js';
import type { Actor } from '../../platform/actor.js';
import { NotFoundError } from '../../platform/errors.js';
import * as repo from './division-repo.js';

export interface DivisionOutput {
  code: string;
  name: string;
  level: number;
  parentCode: string | null;
  codeYear: number;
}

const toOutput = (d: repo.DivisionRow): DivisionOutput => ({
  code: d.code,
  name: d.name,
  level: d.level,
  parentCode: d.parent_code,
  codeYear: d.code_year,
});

/** Ancestors' codes of a code, from the province down: 520102001 → 52, 5201, 520102. */
export function ancestorCodes(code: string): string[] {
  return [2, 4, 6, 9, 12].filter((n) => n < code.length).map((n) => code.slice(0, n));
}

export async function children(ctx: AppContext, actor: Actor, parentCode: string | undefined): Promise<DivisionOutput[]> {
  if (parentCode === undefined) {
    if (!actor.divisionCode) return (await repo.childDivisions(ctx.db, null)).map(toOutput);
    const home = await repo.getDivision(ctx.db, actor.divisionCode);
    return home ? [toOutput(home)] : [];
  }
  if (!parentCode.startsWith(actor.divisionCode)) throw new NotFoundError('行政区划');
  return (await repo.childDivisions(ctx.db, parentCode)).map(toOutput);
}

export async function search(ctx: AppContext, actor: Actor, text: string): Promise<DivisionOutput[]> {
  return (await repo.searchDivisions(ctx.db, text, actor.divisionCode, 50)).map(toOutput);
}

/** One division with its path from the province (for breadcrumbs). */
export async function withPath(ctx: AppContext, code: string): Promise<{ division: DivisionOutput; path: DivisionOutput[] }> {
  const rows = await repo.getDivisions(ctx.db, [...ancestorCodes(code), code]);
  const self = rows.find((r) => r.code === code);
  if (!self) throw new NotFoundError('行政区划');
  const path = rows.filter((r) => r.code !== code).sort((a, b) => a.code.length - b.code.length);
  return { division: toOutput(self), path: path.map(toOutput) };
}
