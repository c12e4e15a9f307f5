import { sql } from 'kysely';
import { inSubtree } from '../../db/subtree.ts';
import type { EduFacts, EduPerson } from '../../domain/checks/edu-facts.ts';
import type { OrgFacts } from '../../domain/checks/types.ts';
import {
  type CreditSetting,
  DEFAULT_CREDIT,
  type StudyItem,
  meetingCredit,
} from '../../domain/study/hours.ts';
import { firstOnOrAfter } from '../../domain/dates.ts';
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
 * and position holders, with roles) with their own study hours of that year per kind (from the totals
 * kept by triggers, less the records after `asOf`), the days whose own records add up to more than
 * `dayFloor` hours (EDU-006; none when not given), their attended study-type meetings
 * in the subtree or above it (credited per the nearest credit setting; attended = marked present, or a member of the meeting's
 * org that day not marked absent or on leave — records often list only the absentees), and the
 * quarterly points publications. Admission dates and concentrated-training dates (EDU-004/005) are
 * loaded only for the people those rules can concern: admitted recently enough for the training window
 * to reach the evaluated years, or made secretary in them.
 */
export async function loadEduFacts(
  db: Tx,
  rootPath: string,
  asOf: string,
  /** The subtree's orgs, or their promise: the loader's queries start before the org facts arrive. */
  orgs: OrgFacts[] | Promise<OrgFacts[]>,
  dayFloor: number = Number.POSITIVE_INFINITY,
): Promise<EduFacts[]> {
  const year = Number(asOf.slice(0, 4));
  const from = `${year - 1}-01-01`;
  const prevEnd = `${year - 1}-12-31`;
  const subtreePeople = sql`select person_id from membership where ${inSubtree('org_path', rootPath)}`;
  // the large results are read without the camelCase plugin (one object fewer per row): aliases are camelCase
  const raw = db.withoutPlugins();
  const creditOf = await loadCreditSettings(db);
  const settingsTags = await db.selectFrom('studyCreditSetting').select('tags').execute();
  const tags = [...new Set([...DEFAULT_CREDIT.tags, ...settingsTags.flatMap((s) => s.tags)])];
  const [people, days, meetings, admissions, pubs] = await Promise.all([
    sql<
      {
        year: number;
        orgId: string;
        personId: string;
        name: string;
        roles: string[] | null;
        secretarySince: string | null;
      } & YearTotals
    >`
      with r(year, d) as (values (${year - 1}::int, ${prevEnd}::date), (${year}::int, ${asOf}::date)),
      ${afterAsOf(asOf)},
      pos as (
        select r.year, p.org_id, p.person_id, p.role, p.valid_from
        from position p join org o on o.id = p.org_id
          join r on p.valid_from <= r.d and (p.valid_to is null or p.valid_to > r.d)
        where ${inSubtree('o.path', rootPath)}),
      x as (
        select r.year, m.org_id, m.person_id from membership m
          join r on m.valid_from <= r.d and (m.valid_to is null or m.valid_to > r.d)
        where ${inSubtree('m.org_path', rootPath)} and m.status in ('probationary', 'full')
        union select year, org_id, person_id from pos where role <> 'group_leader'),
      roles as (
        select year, org_id, person_id, array_agg(distinct role collate "C" order by role collate "C") as roles,
          (max(valid_from) filter (where role = 'secretary'))::text as secretary_since
        from pos group by 1, 2, 3)
      select x.year, x.org_id as "orgId", x.person_id as "personId", per.name, roles.roles,
        roles.secretary_since as "secretarySince", ${yearTotals}
      from x join person per on per.id = x.person_id
        left join roles on roles.year = x.year and roles.org_id = x.org_id and roles.person_id = x.person_id
        left join study_year_total t on t.person_id = x.person_id and t.year = x.year
        left join tail on tail.person_id = x.person_id and tail.year = x.year
      order by x.year, x.person_id`.execute(raw),
    Number.isFinite(dayFloor)
      ? sql<{ personId: string; day: string; hours: number }>`
          select t.person_id, t.day::text as day, t.hours::float8 as hours
          from study_day_total t
          where t.hours > ${dayFloor} and t.day between ${from} and ${asOf}
            and t.person_id in (${subtreePeople})`.execute(db)
      : { rows: [] },
    attendedCredits(raw, rootPath, from, asOf, tags, creditOf),
    sql<{ personId: string; probationFrom: string | null; fullFrom: string | null; concentrated: string[] }>`
      with adm as (
        select person_id, min(valid_from) filter (where status = 'probationary') as probation_from,
          min(valid_from) filter (where status = 'full') as full_from
        from membership where person_id in (${subtreePeople}) group by person_id),
      -- EDU-005 window (12 months after 转正, else 24 after admission) reaching the evaluated years, with a month to spare
      recent as (
        select * from adm where probation_from is not null
          and coalesce(full_from + interval '13 months', probation_from + interval '25 months') >= ${from}::date),
      -- EDU-004: made secretary in the evaluated years
      sec as (
        select p.person_id from position p join org o on o.id = p.org_id
        where ${inSubtree('o.path', rootPath)} and p.role = 'secretary' and p.valid_from >= ${from}::date),
      who as (select person_id from recent union select person_id from sec)
      select w.person_id, r.probation_from::text as probation_from, r.full_from::text as full_from,
        array(select s.studied_on::text from study_record s
          where s.person_id = w.person_id and s.kind = 'concentrated_training' and s.studied_on <= ${asOf}
          order by s.studied_on) as concentrated
      from who w left join recent r on r.person_id = w.person_id`.execute(db),
    db
      .selectFrom('pointsPublication')
      .select(['orgId', 'period'])
      .where(inSubtree('orgPath', rootPath))
      .execute(),
  ]);
  const dayTotals = new Map<string, { date: string; hours: number }[]>();
  for (const d of days.rows) pushTo(dayTotals, d.personId, { date: d.day, hours: Number(d.hours) });
  const credits = meetings;
  const admission = new Map(admissions.rows.map((a) => [a.personId, a]));
  const byOrg = new Map<string, EduFacts>(
    (await orgs).map((o) => [
      o.orgId,
      { org: o, years: [year - 1, year], people: [], publications: [], dayFloor },
    ]),
  );
  const personAt = new Map<string, EduPerson>();
  // rows come by year, then person (uuid order = the order of their text)
  for (const r of people.rows) {
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
        items: [],
        dayTotals: dayTotals.get(r.personId) ?? [],
        credits: credits.get(r.personId) ?? [],
        concentratedDates: adm?.concentrated ?? [],
        probationFrom: adm?.probationFrom ?? null,
        fullFrom: adm?.fullFrom ?? null,
      };
      personAt.set(key, p);
      f.people.push(p);
    }
    addYearTotals(p.items, r);
    p.years.push({
      year: Number(r.year),
      refDate: Number(r.year) === year ? asOf : prevEnd,
      roles: r.roles ?? [],
      secretarySince: r.secretarySince,
    });
  }
  for (const pub of pubs) byOrg.get(pub.orgId)?.publications.push(pub.period);
  return [...byOrg.values()];
}

/** Kinds and their yearly total columns in study_year_total (as read: camelCase). */
const KIND_COLUMNS = [
  { kind: 'concentrated_training', hours: 'hoursConcentrated', n: 'nConcentrated' },
  { kind: 'collective_study', hours: 'hoursCollective', n: 'nCollective' },
  { kind: 'online', hours: 'hoursOnline', n: 'nOnline' },
  { kind: 'self_study', hours: 'hoursSelf', n: 'nSelf' },
] as const satisfies readonly { kind: StudyKind; hours: string; n: string }[];

/** A person's own hours and records of one year per kind (null when the person has none that year). */
type YearTotals = Record<(typeof KIND_COLUMNS)[number]['hours' | 'n'], number | null>;

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** CTE `tail`: the records dated after `asOf` in its year, summed like study_year_total (none when evaluating today). */
const afterAsOf = (asOf: string) => sql`tail as (
  select person_id, extract(year from studied_on)::int as year,
    ${sql.join(
      KIND_COLUMNS.map(
        (k) => sql`sum(hours) filter (where kind = ${k.kind}) as ${sql.raw(snake(k.hours))},
          count(*) filter (where kind = ${k.kind}) as ${sql.raw(snake(k.n))}`,
      ),
    )}
  from study_record where studied_on > ${asOf} and studied_on <= ${`${asOf.slice(0, 4)}-12-31`}
  group by 1, 2)`;

/** {@link YearTotals} of the trigger-kept totals `t` less the records after the evaluation date (`tail`). */
const yearTotals = sql.join(
  KIND_COLUMNS.flatMap((k) => [k.hours, k.n]).map(
    (c) => sql`(t.${sql.raw(snake(c))} - coalesce(tail.${sql.raw(snake(c))}, 0))::float8 as ${sql.ref(c)}`,
  ),
);

/** Adds a year's own hours to a person's items: one per kind, dated 1 January, `sessions` = records. */
function addYearTotals(items: StudyItem[], r: YearTotals & { year: number }): void {
  for (const k of KIND_COLUMNS) {
    const n = r[k.n];
    if (n)
      items.push({ date: `${r.year}-01-01`, hours: Number(r[k.hours]), kind: k.kind, sessions: Number(n) });
  }
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
 * list only who was away). The member × meeting pairs are not joined in SQL (one row per member and
 * meeting: ≈ 260k rows for the demo university, millions for a city) nor walked one by one: a span's
 * meetings are a run of its org's meetings by day, credited at once from running sums per year and kind,
 * less the meetings where the member has a row (credited from the row when `present`).
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
    and (${inSubtree('m.org_path', rootPath)} or m.org_path = any(${ancestorPaths(rootPath)}::text[]))`;
  const [meetings, rows, spans] = await Promise.all([
    sql<{ id: string; orgId: string; day: string; tags: string[]; path: string; minutes: number | null }>`
      select m.id, m.org_id as "orgId", m.held_on::text as day, m.tags, m.org_path as path,
        (extract(epoch from (m.ended_at - m.held_at)) / 60)::float8 as minutes
      from meeting m where ${inWindow}
      order by m.held_on`.execute(db),
    sql<{ meetingId: string; personId: string; present: boolean }>`
      select a.meeting_id as "meetingId", a.person_id as "personId", a.status = 'present' as present
      from meeting_attendance a join meeting m on m.id = a.meeting_id where ${inWindow}`.execute(db),
    sql<{ personId: string; orgId: string; validFrom: string; validTo: string | null }>`
      select mb.person_id as "personId", mb.org_id as "orgId", mb.valid_from::text as "validFrom",
        mb.valid_to::text as "validTo"
      from membership mb
      where mb.status in ('probationary', 'full') and mb.valid_from <= ${asOf}
        and (mb.valid_to is null or mb.valid_to > ${from})
        and mb.org_id in (select distinct m.org_id from meeting m where ${inWindow})`.execute(db),
  ]);
  // per org: its credited meetings by day, with running sums of hours and meetings per year and kind
  type Credited = { org: OrgCredits; index: number; key: string; hours: number };
  type OrgCredits = { days: string[]; sums: Map<string, { kind: StudyKind; hours: number[]; n: number[] }> };
  const orgs = new Map<string, OrgCredits>();
  const credited = new Map<string, Credited>();
  for (const m of meetings.rows) {
    const c = meetingCredit(
      { date: m.day, tags: m.tags, minutes: m.minutes === null ? null : Number(m.minutes) },
      creditOf(m.path),
    );
    if (!c) continue;
    let org = orgs.get(m.orgId);
    if (!org) {
      org = { days: [], sums: new Map() };
      orgs.set(m.orgId, org);
    }
    const index = org.days.length;
    const key = `${m.day.slice(0, 4)}|${c.kind}`;
    org.days.push(m.day);
    if (!org.sums.has(key))
      org.sums.set(key, {
        kind: c.kind,
        hours: new Array(index + 1).fill(0),
        n: new Array(index + 1).fill(0),
      });
    for (const [k, run] of org.sums) {
      const mine = k === key;
      run.hours.push(run.hours[index] + (mine ? c.hours : 0));
      run.n.push(run.n[index] + (mine ? 1 : 0));
    }
    credited.set(m.id, { org, index, key, hours: c.hours });
  }
  // the hour rules need only yearly sums per kind: one item per person, year and kind (not one per meeting)
  const sums = new Map<string, Map<string, StudyItem>>();
  const credit = (personId: string, key: string, kind: StudyKind, hours: number, n: number) => {
    let mine = sums.get(personId);
    if (!mine) {
      mine = new Map();
      sums.set(personId, mine);
    }
    const sum = mine.get(key);
    if (sum) {
      sum.hours += hours;
      sum.sessions = (sum.sessions ?? 0) + n;
    } else mine.set(key, { date: `${key.slice(0, 4)}-01-01`, hours, kind, sessions: n });
  };
  // the meetings where each person has a row: credited from the row when present, never from the span
  const listed = new Map<string, Credited[]>();
  for (const r of rows.rows) {
    const m = credited.get(r.meetingId);
    if (!m) continue;
    pushTo(listed, r.personId, m);
    if (r.present) credit(r.personId, m.key, m.org.sums.get(m.key)!.kind, m.hours, 1);
  }
  for (const s of spans.rows) {
    const org = orgs.get(s.orgId);
    if (!org) continue;
    const i = firstOnOrAfter(org.days, s.validFrom);
    const j = s.validTo === null ? org.days.length : firstOnOrAfter(org.days, s.validTo);
    if (i >= j) continue;
    const own = listed.get(s.personId)?.filter((m) => m.org === org && m.index >= i && m.index < j) ?? [];
    for (const [key, run] of org.sums) {
      let n = run.n[j] - run.n[i];
      let hours = run.hours[j] - run.hours[i];
      for (const m of own)
        if (m.key === key) {
          n--;
          hours -= m.hours;
        }
      if (n > 0) credit(s.personId, key, run.kind, hours, n);
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
