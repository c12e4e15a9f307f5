import { GENDERS, MEMBER_STATUSES, type MemberStatus, ORG_CATEGORIES } from '../../../shared/enums.ts';
import type { PeopleQuery } from '../../api/usePeople.ts';

const num = (v: string | null): number | undefined => {
  if (v === null || v.trim() === '') return undefined;
  const n = Number(v);
  return Number.isInteger(n) ? n : undefined;
};

function oneOf<T extends string>(values: readonly T[], v: string | null): T | undefined {
  return values.find((x) => x === v);
}

/** Read list filters from the page URL (unknown values are dropped). */
export function parsePeopleQuery(sp: URLSearchParams): PeopleQuery {
  const status = sp.getAll('status').filter((s): s is MemberStatus => MEMBER_STATUSES.some((m) => m === s));
  return {
    page: num(sp.get('page')) ?? 1,
    pageSize: num(sp.get('pageSize')) ?? 20,
    q: sp.get('q') || undefined,
    orgId: sp.get('orgId') || undefined,
    status: status.length > 0 ? status : undefined,
    category: oneOf(ORG_CATEGORIES, sp.get('category')),
    gender: oneOf(GENDERS, sp.get('gender')),
    ageMin: num(sp.get('ageMin')),
    ageMax: num(sp.get('ageMax')),
    partyAgeMin: num(sp.get('partyAgeMin')),
    partyAgeMax: num(sp.get('partyAgeMax')),
    includeLeft: sp.get('includeLeft') === 'true' || undefined,
  };
}
