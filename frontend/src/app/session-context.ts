/** The signed-in session, handed by the app shell to every screen below it. */
import { useOutletContext } from 'react-router';

import type { Me, OrgMembership } from '@/features/auth/api/get-me';

export interface SessionContext {
  me: Me;
  org: OrgMembership;
}

export function useSession(): SessionContext {
  return useOutletContext<SessionContext>();
}
