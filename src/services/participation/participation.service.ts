import type { Scope } from '../../domain/auth/scope.ts';
import { streakLevel, streakOf, totalOf, withRate } from '../../domain/checks/participation.ts';
import { shanghaiDate } from '../../domain/dates.ts';
import { validationError } from '../../domain/errors.ts';
import type { ParticipationResponse } from '../../shared/contracts/participation.contract.ts';
import { paramsForOrg } from '../compliance/active-pack.ts';
import type { Deps } from '../deps.ts';
import { orgForRead } from '../scope-guard.ts';
import { loadParticipation } from './participation-facts.ts';

/**
 * Each current party member's participation in the org's organizational life in a year (LIFE-019:
 * attended / expected member-wide records) and their current non-participation streak (LIFE-018 level),
 * as of today for the current year or Dec 31 for a past one. Scoped: the org must be readable.
 */
export async function orgParticipation(
  deps: Deps,
  scope: Scope,
  orgId: string,
  year?: number,
): Promise<ParticipationResponse> {
  const org = await orgForRead(deps.db, scope, orgId);
  const param = await paramsForOrg(deps.db, org);
  const today = shanghaiDate(deps.clock());
  const y = year ?? Number(today.slice(0, 4));
  if (`${y}-01-01` > today)
    throw validationError(`年份 ${y} 尚未开始，没有参加组织生活的记录`, { field: 'year' });
  const asOf = `${y}-12-31` < today ? `${y}-12-31` : today;
  const target = param<number | null>('life.participation.target').value;
  const lapseMonths = param<number>('member.selfLapseMonths').value;
  const alertMonths = param<number[]>('member.selfLapse.alertMonths').value;
  const facts = (await loadParticipation(deps.db, org.path, asOf, { onlyOrgId: orgId })).get(orgId) ?? {
    members: [],
  };
  const members = facts.members.map((m) => {
    const s = streakOf(m.months, asOf);
    return {
      personId: m.personId,
      name: m.name,
      since: m.since,
      ...withRate(m.year),
      streakMonths: s.months,
      streakFrom: s.from,
      streakTo: s.to,
      level: streakLevel(s.months, alertMonths, lapseMonths),
    };
  });
  const total = totalOf(facts.members);
  return {
    orgId,
    year: y,
    asOf,
    target,
    lapseMonths,
    alertMonths,
    total: { attended: total.attended, expected: total.expected, rate: total.rate },
    members,
  };
}
