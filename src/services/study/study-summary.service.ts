import { sql } from 'kysely';
import { type Scope, canWritePath } from '../../domain/auth/scope.ts';
import { shanghaiDate } from '../../domain/dates.ts';
import { countedKinds, meetingCredit, shortfall, thresholdFor, yearHours } from '../../domain/study/hours.ts';
import type { BranchStudyResponse, PersonStudyResponse } from '../../shared/contracts/study.contract.ts';
import { loadEduFacts, loadCreditSettings } from '../compliance/edu-facts.loader.ts';
import { loadOrgFacts } from '../compliance/org-facts.loader.ts';
import type { Deps } from '../deps.ts';
import { personForRead } from '../people/person-read.service.ts';
import { orgForRead } from '../scope-guard.ts';
import { studyParamsFor } from './study-params.ts';
import { orgOfPersonOn, presentStudyRecord, studyRecordQuery } from './study-records.service.ts';

/** The reference day of a year: today for the current year, else Dec 31 (a future year: Jan 1). */
export function refDay(deps: Deps, year: number): string {
  const today = shanghaiDate(deps.clock());
  const cur = Number(today.slice(0, 4));
  return year === cur ? today : year < cur ? `${year}-12-31` : `${year}-01-01`;
}

/**
 * A person's study year: own records, hours credited from attended study-type meetings, the
 * threshold that binds them (EDU-001 32 h; EDU-002 56 h + 1 concentrated session for committee
 * members; EDU-003 24 concentrated hours for secretaries where the pack scores it) and the shortfall.
 */
export async function personStudy(
  deps: Deps,
  scope: Scope,
  personId: string,
  year: number,
): Promise<PersonStudyResponse> {
  const { person } = await personForRead(deps.db, scope, personId);
  const day = refDay(deps, year);
  const org = await orgOfPersonOn(deps.db, personId, day);
  const [records, meetings, roles] = await Promise.all([
    studyRecordQuery(deps.db)
      .where('s.personId', '=', personId)
      .where('s.studiedOn', '>=', `${year}-01-01`)
      .where('s.studiedOn', '<=', `${year}-12-31`)
      .orderBy('s.studiedOn')
      .orderBy('s.id')
      .execute(),
    sql<{
      id: string;
      day: string;
      tags: string[];
      topic: string | null;
      path: string;
      minutes: number | null;
    }>`
      select m.id, m.held_on::text as day, m.tags, m.topic, m.org_path as path,
        (extract(epoch from (m.ended_at - m.held_at)) / 60)::float8 as minutes
      from meeting m
      where m.status <> 'planned' and m.held_on between ${`${year}-01-01`} and ${`${year}-12-31`}
        and (exists (select 1 from meeting_attendance ma
               where ma.meeting_id = m.id and ma.person_id = ${personId} and ma.status = 'present')
          or (not exists (select 1 from meeting_attendance ma where ma.meeting_id = m.id and ma.person_id = ${personId})
            and exists (select 1 from membership mb where mb.person_id = ${personId} and mb.org_id = m.org_id
              and mb.status in ('probationary', 'full') and mb.valid_from <= m.held_on
              and (mb.valid_to is null or mb.valid_to > m.held_on))))
      order by m.held_at`.execute(deps.db),
    deps.db
      .selectFrom('position')
      .select('role')
      .where('personId', '=', personId)
      .where('validFrom', '<=', day)
      .where((eb) => eb.or([eb('validTo', 'is', null), eb('validTo', '>', day)]))
      .execute(),
  ]);
  const creditOf = await loadCreditSettings(deps.db);
  const credits = meetings.rows.flatMap((m) => {
    const c = meetingCredit(
      { date: m.day, tags: m.tags, minutes: m.minutes === null ? null : Number(m.minutes) },
      creditOf(m.path),
    );
    return c ? [{ meetingId: m.id, date: m.day, topic: m.topic, hours: c.hours, item: c }] : [];
  });
  const orgRow = org
    ? await deps.db
        .selectFrom('org')
        .select(['id', 'path', 'pack'])
        .where('id', '=', org.id)
        .executeTakeFirstOrThrow()
    : null;
  const params = orgRow
    ? (await studyParamsFor(deps.db, orgRow.path, [orgRow]))(orgRow.id)
    : (await studyParamsFor(deps.db, '/', []))('');
  const h = yearHours(
    year,
    records.map((r) => ({ date: r.studiedOn, hours: Number(r.hours), kind: r.kind as never })),
    credits.map((c) => c.item),
    params.countOnline,
  );
  const roleList = [...new Set(roles.map((r) => r.role))].sort();
  const t = thresholdFor(roleList, params);
  return {
    personId,
    name: person.name,
    year,
    roles: roleList,
    records: records.map(presentStudyRecord),
    credits: credits.map(({ item: _i, ...c }) => c),
    byKind: h.byKind,
    fromMeetings: h.fromMeetings,
    counted: h.counted,
    concentratedHours: h.concentratedHours,
    concentratedSessions: h.concentratedSessions,
    threshold: { ...t, countedKinds: countedKinds(params.countOnline) },
    shortfall: shortfall(h, t),
    canWrite: org ? canWritePath(scope, org.path) : false,
  };
}

/**
 * The study table of an org subtree for a year: every member and committee member of each org on the
 * year's reference day, hours by kind (records + meeting credit), threshold and whether it is met.
 * Set-based through the compliance fact loaders (one pass, no per-person queries).
 */
export async function branchStudy(
  deps: Deps,
  scope: Scope,
  orgId: string,
  year: number,
): Promise<BranchStudyResponse> {
  const org = await orgForRead(deps.db, scope, orgId);
  const day = refDay(deps, year);
  const { facts, placement } = await loadOrgFacts(deps.db, org.path, day);
  const edu = await loadEduFacts(deps.db, org.path, day, facts);
  const paramsOf = await studyParamsFor(
    deps.db,
    org.path,
    placement.map((p) => ({ id: p.orgId, path: p.path, pack: p.pack })),
  );
  const rows = edu.flatMap((f) => {
    const params = paramsOf(f.org.orgId);
    return f.people.flatMap((p) => {
      const py = p.years.find((y) => y.year === year);
      if (!py) return [];
      const h = yearHours(year, p.items, p.credits, params.countOnline);
      const t = thresholdFor(py.roles, params);
      return [
        {
          personId: p.personId,
          name: p.name,
          orgId: f.org.orgId,
          orgName: f.org.name,
          roles: py.roles,
          byKind: h.byKind,
          fromMeetings: h.fromMeetings,
          counted: h.counted,
          minHours: t.minHours,
          ruleId: t.ruleId,
          shortfall: shortfall(h, t),
        },
      ];
    });
  });
  const order = new Map(placement.map((p, i) => [p.orgId, i]));
  rows.sort((a, b) => order.get(a.orgId)! - order.get(b.orgId)! || a.name.localeCompare(b.name, 'zh-CN'));
  return { orgId: org.id, orgName: org.name, year, rows };
}
