import type { MeResponse } from '../shared/contracts/auth.contract.ts';
import type { Caller } from './auth.service.ts';
import type { Deps } from './deps.ts';

/** What the web needs to know about the caller. */
export async function meView(deps: Deps, caller: Caller): Promise<MeResponse> {
  const { scope } = caller;
  let homeOrgIds: string[] = [];
  if (scope.admin) {
    homeOrgIds = (
      await deps.db.selectFrom('org').select('id').where('parentId', 'is', null).orderBy('seq').execute()
    ).map((r) => r.id);
  } else if (scope.read.length) {
    homeOrgIds = (
      await deps.db.selectFrom('org').select('id').where('path', 'in', scope.read).orderBy('seq').execute()
    ).map((r) => r.id);
  }
  return {
    user: {
      id: caller.user.id,
      username: caller.user.username,
      displayName: caller.user.displayName,
      personId: caller.user.personId,
    },
    grants: caller.grants.map((g) => ({
      role: g.role,
      orgId: g.orgId,
      orgName: g.orgName,
      orgCode: g.orgCode,
      pii: g.pii,
    })),
    csrfToken: caller.user.csrfToken,
    homeOrgIds,
    canWrite: scope.admin || scope.write.length > 0,
    admin: scope.admin,
  };
}
