import { sql } from 'kysely';
import type { EduFacts, EduPerson } from '../../domain/checks/edu-facts.ts';
import type { OrgFacts } from '../../domain/checks/types.ts';
import {
  type CreditSetting,
  DEFAULT_CREDIT,
  type StudyItem,
  meetingCredit,
  addCredit,
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
          (max(valid_from) filter (where role = 'secretary'))::text as secretary_since
        from pos group by 1, 2, 3)
      select x.year, x.org_id, x.person_id, per.name, coalesce(roles.roles, '[]'::jsonb) as roles,
        roles.secretary_since
      from x join person per on per.id = x.person_id
        left join roles on roles.year = x.year and roles.org_id = x.org_id and roles.person_id = x.person_id`.execute(
      db,
    ),
    sql<{ personId: string; day: string; hours: number; kind: StudyKind }>`
      select s.person_id, s.studied_on::text as day, s.hours::float8 as hours, s.kind
      from study_record s
      where s.person_id in (${subtreePeople}) and s.studied_on <= ${asOf}
        and (s.studied_on >= ${from} or s.kind = 'concentrated_training')`.execute(db),
    attendedCredits(db, rootPath, from, asOf, tags, creditOf),
    sql<{ personId: string; probationFrom: string | null; fullFrom: string | null }>`
      select person_id,
        (min(valid_from) filter (where status = 'probationary'))::text as probation_from,
        (min(valid_from) filter (where status = 'full'))::text as full_from
      from membership where person_id in (${subtreePeople}) group by person_id`.execute(db),
    db.selectFrom('pointsPublication').select(['orgId', 'period']).where('orgPath', 'like', like).execute(),
  ]);
  const items = new Map<string, StudyItem[]>();
  const concentrated = new Map<string, string[]>();
  for (const r of records.rows) {
    if (r.day >= from) pushTo(items, r.personId, { date: r.day, hours: Number(r.hours), kind: r.kind });
    if (r.kind === 'concentrated_training') pushTo(concentrated, r.personId, r.day);
  }
  const credits = meetings;
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

function pushTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Study credit from attended meetings, per person: the study-type meetings of [from, asOf] in the
 * subtree or above it, each credited once (nearest credit setting); attended = an explicit `present`
 * row, or a party member of the meeting's org that day with no attendance row at all (records often
 * list only who was away). The member × meeting pairs are walked here from membership spans instead
 * of being joined in SQL: the join returned one row per member and meeting (≈ 260k rows for the demo
 * university, millions for a city).
 */
async function attendedCredits(
  db: Tx,
  rootPath: string,
  from: string,
  asOf: string,
  tags: string[],
  creditOf: (path: string) => CreditSetting,
): Promise<Map<string, StudyItem[]>> {
  const inWindow = sql`m.status <> 'planned' and m.held_on between ${from} and ${asOf}
    and m.tags ?| ${sql.val(tags)}::text[]
    and (m.org_path like ${`${rootPath}%`} or m.org_path = any(${ancestorPaths(rootPath)}::text[]))`;
  const [meetings, rows, spans] = await Promise.all([
    sql<{ id: string; orgId: string; day: string; tags: string[]; path: string; minutes: number | null }>`
      select m.id, m.org_id, m.held_on::text as day, m.tags, m.org_path as path,
        (extract(epoch from (m.ended_at - m.held_at)) / 60)::float8 as minutes
      from meeting m where ${inWindow}`.execute(db),
    sql<{ meetingId: string; personId: string; present: boolean }>`
      select a.meeting_id, a.person_id, a.status = 'present' as present
      from meeting_attendance a join meeting m on m.id = a.meeting_id where ${inWindow}`.execute(db),
    sql<{ personId: string; orgId: string; validFrom: string; validTo: string | null }>`
      select mb.person_id, mb.org_id, mb.valid_from::text as valid_from,
        mb.valid_to::text as valid_to
      from membership mb
      where mb.status in ('probationary', 'full') and mb.valid_from <= ${asOf}
        and (mb.valid_to is null or mb.valid_to > ${from})
        and mb.org_id in (select distinct m.org_id from meeting m where ${inWindow})`.execute(db),
  ]);
  const credited = new Map<string, StudyItem>();
  const byOrg = new Map<string, { id: string; day: string }[]>();
  for (const m of meetings.rows) {
    const c = meetingCredit(
      { date: m.day, tags: m.tags, minutes: m.minutes === null ? null : Number(m.minutes) },
      creditOf(m.path),
    );
    if (!c) continue;
    credited.set(m.id, c);
    pushTo(byOrg, m.orgId, { id: m.id, day: m.day });
  }
  // the hour rules need only yearly sums per kind: one item per person, year and kind (not one per meeting)
  const sums = new Map<string, Map<string, StudyItem>>();
  const credit = (personId: string, c: StudyItem) => {
    let mine = sums.get(personId);
    if (!mine) {
      mine = new Map();
      sums.set(personId, mine);
    }
    addCredit(mine, c);
  };
  const listed = new Map<string, Set<string>>();
  for (const r of rows.rows) {
    const seen = listed.get(r.personId) ?? new Set<string>();
    seen.add(r.meetingId);
    listed.set(r.personId, seen);
    const c = r.present ? credited.get(r.meetingId) : undefined;
    if (c) credit(r.personId, c);
  }
  for (const s of spans.rows) {
    const seen = listed.get(s.personId);
    for (const m of byOrg.get(s.orgId) ?? []) {
      if (m.day < s.validFrom || (s.validTo !== null && m.day >= s.validTo) || seen?.has(m.id)) continue;
      credit(s.personId, credited.get(m.id)!);
    }
  }
  const out = new Map<string, StudyItem[]>();
  for (const [personId, mine] of sums) out.set(personId, [...mine.values()]);
  return out;
}

/** The paths of the org at `rootPath` and its ancestors ('/1/2s/' → '/1/', '/1/2s/'): an index-friendly "above". */
function ancestorPaths(rootPath: string): string[] {
  const out: string[] = [];
  for (let i = rootPath.indexOf('/', 1); i > 0; i = rootPath.indexOf('/', i + 1))
    out.push(rootPath.slice(0, i + 1));
  return out;
}
