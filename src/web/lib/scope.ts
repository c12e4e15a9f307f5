import type { MeResponse } from '../../shared/contracts/auth.contract.ts';

/** True when the user has an org scope (not only their own record). */
export function hasOrgScope(me: MeResponse): boolean {
  return me.homeOrgIds.length > 0;
}
