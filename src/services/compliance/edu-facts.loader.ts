import { sql } from 'kysely';
import type { EduFacts, EduPerson } from '../../domain/checks/edu-facts.ts';
import type { OrgFacts } from '../../domain/checks/types.ts';
import {
  type CreditSetting,
  DEFAULT_CREDIT,
  type StudyItem,
  meetingCredit,
} from '../../domain/study/hours.ts';
import type { StudyKind } from '../../shared/study-enums.ts';
import type { Tx } from '../deps.ts';

/** Credit settings of the whole tree (a small table), nearest ancestor first for a path. */
export async function loadCreditSettings(db: Tx) {
  const rows = await db.selectFrom('studyCreditSetting').selectAll().execute();
  const list = rows
    .map((r) => ({
      path: r.orgPath,
      setting: {
        tags: r.tags,
        mode: r.mode,
        hoursPerMeeting: Number(r.hoursPerMeeting),
        kind: r.kind,
      } as CreditSetting,
    }))
    .sort((a, b) => b.path.length - a.path.length);
  return (path: string): CreditSetting =>
    list.find((s) => path.startsWith(s.path))?.setting ?? DEFAULT_CREDIT;
}

/**
 * Study facts for a subtree, for the previous (ended) and the current calendar year of `asOf`, in a
 * fixed number of set-based queries: the people of each org on each year's reference day (members
 * and position holders, with roles), their own study records, their attended study-type meetings
 * in the subtree or above it (credited per the nearest credit setting; attended = marked present, or a member of the meeting's
 * org that day not marked absent or on leave — records often list only the absentees), concentrated-training dates, admission dates, and the
 * quarterly points publications.
 */
export async function loadEduFacts(
  db: Tx,
  rootPath: string,
  asOf: string,
  orgs: OrgFacts[],
): Promise<EduFacts[]> {
  const like = `${rootPath}%`;
  const year = Number(asOf.slice(0, 4));
  const from = `${year - 1}-01-01`;
  const prevEnd = `${year - 1}-12-31`;
  const subtreePeople = sql`select person_id from membership where org_path like ${like}`;
  const creditOf = await loadCreditSettings(db);
  const settingsTags = await db.selectFrom('studyCreditSetting').select('tags').execute();
  const tags = [...new Set([...DEFAULT_CREDIT.tags, ...settingsTags.flatMap((s) => s.tags)])];
  const [people, records, meetings, admissions, pubs] = await Promise.all([
    sql<{
      year: number;
      orgId: string;
      personId: string;
      name: string;
      roles: string[];
      secretarySince: string | null;
    }>`
      with r(year, d) as (values (${year - 1}::int, ${prevEnd}::date), (${year}::int, ${asOf}::date)),
      pos as (
        select r.year, p.org_id, p.person_id, p.role, p.valid_from
        from position p join org o on o.id = p.org_id
          join r on p.valid_from <= r.d and (p.valid_to is null or p.valid_to > r.d)
        where o.path like ${like}),
      x as (
        select r.year, m.org_id, m.person_id from membership m
          join r on m.valid_from <= r.d and (m.valid_to is null or m.valid_to > r.d)
        where m.org_path like ${like} and m.status in ('probationary', 'full')
        union select year, org_id, person_id from pos where role <> 'group_leader'),
      roles as (
        select year, org_id, person_id, jsonb_agg(distinct role) as roles,
          to_char(max(valid_from) filter (where role = 'secretary'), 'YYYY-MM-DD') as secretary_since
        from pos group by 1, 2, 3)
      select x.year, x.org_id, x.person_id, per.name, coalesce(roles.roles, '[]'::jsonb) as roles,
        roles.secretary_since
      from x join person per on per.id = x.person_id
        left join roles on roles.year = x.year and roles.org_id = x.org_id and roles.person_id = x.person_id`.execute(
      db,
    ),
    sql<{ personId: string; day: string; hours: number; kind: StudyKind }>`
      select s.person_id, to_char(s.studied_on, 'YYYY-MM-DD') as day, s.hours::float8 as hours, s.kind
      from study_record s
      where s.person_id in (${subtreePeople}) and s.studied_on <= ${asOf}
        and (s.studied_on >= ${from} or s.kind = 'concentrated_training')`.execute(db),
    sql<{ personId: string; day: string; tags: string[]; path: string; minutes: number | null }>`
      with m as materialized (
        select id, org_id, org_path, held_on, tags,
          (extract(epoch from (ended_at - held_at)) / 60)::float8 as minutes
        from meeting where status <> 'planned' and held_on between ${from} and ${asOf}
          and tags ?| ${sql.val(tags)}::text[]
          and (org_path like ${like} or ${rootPath} like org_path || '%')),
      att as (
        select ma.person_id, m.held_on, m.tags, m.org_path, m.minutes
        from meeting_attendance ma join m on m.id = ma.meeting_id
        where ma.status = 'present'
        union all
        select mb.person_id, m.held_on, m.tags, m.org_path, m.minutes
        from m join membership mb on mb.org_id = m.org_id
          and mb.status in ('probationary', 'full') and mb.valid_from <= m.held_on
          and (mb.valid_to is null or mb.valid_to > m.held_on)
        where not exists (select 1 from meeting_attendance x where x.meeting_id = m.id and x.person_id = mb.person_id))
      select att.person_id, to_char(att.held_on, 'YYYY-MM-DD') as day, att.tags, att.org_path as path, att.minutes
      from att`.execute(db),
    sql<{ personId: string; probationFrom: string | null; fullFrom: string | null }>`
      select person_id,
        to_char(min(valid_from) filter (where status = 'probationary'), 'YYYY-MM-DD') as probation_from,
        to_char(min(valid_from) filter (where status = 'full'), 'YYYY-MM-DD') as full_from
      from membership where person_id in (${subtreePeople}) group by person_id`.execute(db),
    db.selectFrom('pointsPublication').select(['orgId', 'period']).where('orgPath', 'like', like).execute(),
  ]);
  const items = new Map<string, StudyItem[]>();
  const concentrated = new Map<string, string[]>();
  for (const r of records.rows) {
    if (r.day >= from)
      items.set(r.personId, [
        ...(items.get(r.personId) ?? []),
        { date: r.day, hours: Number(r.hours), kind: r.kind },
      ]);
    if (r.kind === 'concentrated_training')
      concentrated.set(r.personId, [...(concentrated.get(r.personId) ?? []), r.day]);
  }
  const credits = new Map<string, StudyItem[]>();
  for (const m of meetings.rows) {
    const c = meetingCredit(
      { date: m.day, tags: m.tags, minutes: m.minutes === null ? null : Number(m.minutes) },
      creditOf(m.path),
    );
    if (c) credits.set(m.personId, [...(credits.get(m.personId) ?? []), c]);
  }
  const admission = new Map(admissions.rows.map((a) => [a.personId, a]));
  const byOrg = new Map<string, EduFacts>(
    orgs.map((o) => [o.orgId, { org: o, years: [year - 1, year], people: [], publications: [] }]),
  );
  const personAt = new Map<string, EduPerson>();
  const sorted = [...people.rows].sort((a, b) => a.year - b.year || (a.personId < b.personId ? -1 : 1));
  for (const r of sorted) {
    const f = byOrg.get(r.orgId);
    if (!f) continue;
    const key = `${r.orgId}|${r.personId}`;
    let p = personAt.get(key);
    if (!p) {
      const adm = admission.get(r.personId);
      p = {
        personId: r.personId,
        name: r.name,
        years: [],
        items: items.get(r.personId) ?? [],
        credits: credits.get(r.personId) ?? [],
        concentratedDates: (concentrated.get(r.personId) ?? []).sort(),
        probationFrom: adm?.probationFrom ?? null,
        fullFrom: adm?.fullFrom ?? null,
      };
      personAt.set(key, p);
      f.people.push(p);
    }
    p.years.push({
      year: Number(r.year),
      refDate: Number(r.year) === year ? asOf : prevEnd,
      roles: [...r.roles].sort(),
      secretarySince: r.secretarySince,
    });
  }
  for (const pub of pubs) byOrg.get(pub.orgId)?.publications.push(pub.period);
  return [...byOrg.values()];
}
