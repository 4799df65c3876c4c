/** The division a request names, checked against the actor's own. */
import type { Actor } from './actor.js';
import { NotFoundError } from './errors.js';

/**
 * The actor's own division when none is named (''), else the named one if it lies inside it.
 * Outside it is a refusal answered as a missing division (as every by-id read answers), never
 * a silent substitute of the actor's own: a write would land on the actor's own records, a read
 * would show the actor's own figures under the other division's name.
 */
export function askedDivision(actor: Actor, divisionCode: string | undefined): string {
  const asked = divisionCode || actor.divisionCode;
  if (!asked.startsWith(actor.divisionCode)) throw new NotFoundError('行政区划');
  return asked;
}
