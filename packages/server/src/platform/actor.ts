import type { Role } from '@anju/core';

/** Who is acting: a logged-in user, or the system itself (CLI, seeding) acting nationally. */
export interface Actor {
  userId: string | null;
  username: string;
  role: Role;
  /** Home division; '' is the whole country. Every query is scoped to it. */
  divisionCode: string;
  department: string | null;
}

export function systemActor(username = 'system'): Actor {
  return { userId: null, username, role: 'admin', divisionCode: '', department: null };
}
