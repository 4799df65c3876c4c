/** Who may manage training, posts, workshops, openings and referrals: the server's rule, on the page. */
import { canManageLabourServices } from '@anju/core/access/labour-services';
import type { Role } from '@anju/core/registry/enums';
import { useSession } from '../features/auth/session';

export function useCanManageLabourServices(): boolean {
  const { info } = useSession();
  return info ? canManageLabourServices(info.user.role as Role, info.user.department) : false;
}
