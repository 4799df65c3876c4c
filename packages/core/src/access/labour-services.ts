import type { Role } from '../registry/enums.js';
import { can } from './permissions.js';

/**
 * Training, posts, workshops, openings and referrals are 人社 work: permissions go by role, so a
 * department user also has to belong to the human-resources and social-security department.
 */
export function canManageLabourServices(role: Role, department: string | null): boolean {
  return can(role, 'labour_services.manage') && (role !== 'department' || department === 'hrss');
}
