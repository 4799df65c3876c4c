import { canManageLabourServices } from '@anju/core';
import type { Actor } from './actor.js';
import { ForbiddenError } from './errors.js';

/** Writes of the labour services (帮扶车间, 岗位对接, …): see canManageLabourServices. */
export function assertManageLabourServices(actor: Actor, what: string): void {
  if (!canManageLabourServices(actor.role, actor.department)) throw new ForbiddenError(`无权${what}`);
}
