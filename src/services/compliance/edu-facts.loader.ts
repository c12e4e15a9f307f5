import { sql } from 'kysely';
import { read, readAll } from '../../db/batch.ts';
import { runsConcurrently } from '../../db/connect.ts';
import { withPlanPerCall } from '../../db/prepared-client.ts';
import { inSubtree } from '../../db/subtree.ts';
import type { EduFacts, EduPerson } from '../../domain/checks/edu-facts.ts';
import type { OrgFacts } from '../../domain/checks/types.ts';
import { type CreditSetting, DEFAULT_CREDIT, type StudyItem } from '../../domain/study/hours.ts';
import type { StudyKind } from '../../shared/study-enums.ts';
import type { Tx } from '../deps.ts';
import {
  CREDIT_COLUMNS,
  type DatedAfter,
  KIND_COLUMNS,
  eduDatedAfter,
  subtreePeople,
  whoCte,
} from './edu-facts.sql.ts';
import { TOTALS_AT, eduPeopleQuery, unpackEduRow } from './edu-people.sql.ts';

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
 * Which people an evaluation needs (the rest cannot be reported by any hour rule): people with fewer than
 * `memberHours` hours of 集中培训 + 集体学习 in a year (the fewest kinds any pack counts, so a superset of
 * EDU-001's shortfalls), the people EDU-004/005 concern and those with days over the per-day floor
 * (EDU-006); leaders only when short of the leader hours or concentrated sessions (EDU-002) or,
 * secretaries, of the concentrated hours (EDU-003). Each bound is the largest value any pack or override
 * puts in force; the checks still judge every person sent.
 */
export type EduReportable = {
  memberHours: number;
  leaderHours: number;
  leaderSessions: number;
  /** null when no pack or override puts EDU-003 in force. */
  secretaryConcentrated: number | null;
  /** Whether EDU-005 (new members' training) and EDU-004 (secretaries' training) are in force: see {@link Concern}. */
  newMembers: boolean;
  secretaries: boolean;
};

/**
 * What the EDU loader sends: see {@link loadEduFacts}. `after`: the dated-after probe's answer when the caller
 * has it (the evaluation reads it with its context), else the loader probes.
 */
export type EduBounds = {
  dayFloor?: number;
  reportable?: EduReportable;
  after?: DatedAfter;
  /** The quarterly points publications (EDU-007): false when no pack in force scores it. */
  publications?: boolean;
  /** study_person_year's span (the evaluation reads it with its context): see eduPeopleQuery's `personYears`. */
  personYears?: PersonYearSpan | null;
  /**
   * The subtree holds a large share of the tree (not one branch): what is dated after asOf is summed in one pass and
   * the reportable person-years are found from the kept ones (`personYears`), both costs of the whole tree's size;
   * otherwise person by person from the subtree's members (a 总支 as of a past day took minutes the first way).
   */
  wide?: boolean;
};

/** The years study_person_year holds every member-year of (migration 0021). */
export type PersonYearSpan = { from: number; through: number };

/**
 * Study facts for a subtree, for the previous (ended) and the current calendar year of `asOf`, in a
 * fixed number of set-based queries: the people of each org on each year's reference day (members
 * and position holders, with roles) with their own study hours and their meeting credit of that year
 * per kind (both from totals kept by triggers — study_year_total, study_credit_total — less what is
 * dated after `asOf`), the days whose own records add up to more than `dayFloor` hours (EDU-006; none
 * when not given) and the quarterly points publications. Meeting credit counts every attended
 * study-type meeting of the person, wherever it was held (migration 0014 defines it). Admission dates
 * and concentrated-training dates (EDU-004/005) are loaded only for the people those rules can concern:
 * admitted recently enough for the training window to reach the evaluated years, or made secretary in
 * them. With `reportable`, only the person-years an hour rule can report are sent (see {@link EduReportable}).
 */
export async function loadEduFacts(
  db: Tx,
  rootPath: string,
  asOf: string,
  /** The subtree's orgs, or their promise: the loader's queries start before the org facts arrive. */
  orgs: OrgFacts[] | Promise<OrgFacts[]>,
  /** The per-day floor (EDU-006; none: no day totals) and the reportable bounds (from the packs and overrides). */
  bounds: EduBounds = {},
  /** The subtree is one branch (the refresh after a write): see {@link whoCte}. */
  oneBranch = false,
  /** Filled with the refs (else ids) of the people sent, by id (the evaluation's findings name them). */
  refs?: Map<string, string>,
): Promise<EduFacts[]> {
  const year = Number(asOf.slice(0, 4));
  const from = `${year - 1}-01-01`;
  const prevEnd = `${year - 1}-12-31`;
  // the large results are read without the camelCase plugin (one object fewer per row): aliases are camelCase
  const raw = db.withoutPlugins();
  // no floor: a constant false, which a generic plan skips (`hours > null` as a parameter was evaluated: a branch's
  // refresh probed its people's day totals for nothing, ≈ 0.1 ms of its ≈ 0.5 ms EDU statement)
  const dayRowsOver = (dayFloor: number) => sql`select t.person_id, t.day, t.hours from study_day_total t
    where ${Number.isFinite(dayFloor) ? sql`t.hours > ${dayFloor}` : sql`false`} and t.day between ${from} and ${asOf}
      and t.person_id in (${subtreePeople(rootPath)})`;
  const { reportable, dayFloor = Number.POSITIVE_INFINITY, publications = true, wide = false } = bounds;
  // with reportable bounds, the new members EDU-005 can report: those not trained in their window by asOf
  const concern = whoCte(
    rootPath,
    from,
    oneBranch,
    reportable
      ? { newMembers: reportable.newMembers, secretaries: reportable.secretaries, untrainedBy: asOf }
      : { newMembers: true, secretaries: true },
  );
  // what is dated after asOf in its year is subtracted from the kept totals — usually nothing (evaluating today)
  const peopleRows = (async () => {
    const dated = bounds.after ?? (await eduDatedAfter(db, asOf));
    const dayRows = dayRowsOver(dayFloor);
    // the person-years of some of the two years: [year, reference day]; `after`: the tails (asOf's year only)
    const query = (years: [number, string][], after: DatedAfter) =>
      // the tails sum what is dated after asOf (a past date: months of records, see `tails`); a generic plan cannot
      // know how many, so a query with tails is planned for its dates (on its generic plan a branch as of
      // 2026-03-31 took several seconds at city scale)
      (after.records || after.credits ? withPlanPerCall : <T>(f: () => Promise<T>) => f())(() =>
        read(
          raw,
          eduPeopleQuery({
            rootPath,
            asOf,
            years,
            after,
            tailsByPerson: !wide,
            concern,
            dayRows,
            reportable,
            // each statement's own years: as of a past date the previous year (no tails) still reads them
            personYears: wide && within(bounds.personYears, years),
          }),
        ),
      );
    // one branch: one statement (batched with the others); larger subtrees on a pool: a statement a year, run
    // concurrently (the longest statement of a city run, its two halves on two cores; the previous year has no
    // tails) — on one connection (PGlite, a transaction) the halves would only repeat the shared work, and so they
    // would from the kept person-years (each half computed `who` and the seats again, ≈ 55 ms of PostgreSQL, for a
    // statement that now takes ≈ 0.5 s: interleaved city runs, median 1,330 → 1,300 ms)
    const both: [number, string][] = [
      [year - 1, prevEnd],
      [year, asOf],
    ];
    const fromKept =
      wide && !!reportable && !dated.records && !dated.credits && within(bounds.personYears, both);
    if (oneBranch || !runsConcurrently(db) || fromKept) return query(both, dated);
    const [prev, cur] = await Promise.all([
      query([[year - 1, prevEnd]], { records: false, credits: false }),
      query([[year, asOf]], dated),
    ]);
    return { rows: [...prev.rows, ...cur.rows] };
  })();
  const [people, days, admissions, pubs] = await Promise.all([
    peopleRows,
    Number.isFinite(dayFloor)
      ? read(
          raw,
          sql<{ personId: string; day: string; hours: number }>`
          select d.person_id as "personId", d.day::text as day, d.hours::float8 as hours from (${dayRowsOver(dayFloor)}) d`,
        )
      : { rows: [] },
    read(
      raw,
      sql<{
        personId: string;
        probationFrom: string | null;
        fullFrom: string | null;
        concentrated: string[];
      }>`
      with ${concern}
      select w.person_id as "personId", r.probation_from::text as "probationFrom", r.full_from::text as "fullFrom",
        array(select s.studied_on::text from study_record s
          where s.person_id = w.person_id and s.kind = 'concentrated_training' and s.studied_on <= ${asOf}
          order by s.studied_on) as concentrated
      from who w left join recent r on r.person_id = w.person_id`,
    ),
    publications
      ? readAll(
          db,
          db
            .selectFrom('pointsPublication')
            .select(['orgId', 'period'])
            .where(inSubtree('orgPath', rootPath)),
        )
      : [],
  ]);
  const dayTotals = new Map<string, { date: string; hours: number }[]>();
  for (const d of days.rows) pushTo(dayTotals, d.personId, { date: d.day, hours: Number(d.hours) });
  const admission = new Map(admissions.rows.map((a) => [a.personId, a]));
  const byOrg = new Map<string, EduFacts>(
    (await orgs).map((o) => [
      o.orgId,
      { org: o, years: [year - 1, year], people: [], publications: [], dayFloor },
    ]),
  );
  const personAt = new Map<string, EduPerson>();
  const curJan1 = `${year}-01-01`;
  // rows come by year, then person (uuid order = the order of their text)
  for (const row of people.rows) {
    const r = unpackEduRow(row.packed);
    refs?.set(r.personId, row.ref ?? r.personId);
    const f = byOrg.get(r.orgId);
    if (!f) continue;
    const key = `${r.orgId}|${r.personId}`;
    let p = personAt.get(key);
    if (!p) {
      const adm = admission.get(r.personId);
      p = {
        personId: r.personId,
        name: row.name,
        years: [],
        items: [],
        dayTotals: dayTotals.get(r.personId) ?? [],
        credits: [],
        concentratedDates: adm?.concentrated ?? [],
        probationFrom: adm?.probationFrom ?? null,
        fullFrom: adm?.fullFrom ?? null,
      };
      personAt.set(key, p);
      f.people.push(p);
    }
    const y = r.year;
    if (p.years.some((x) => x.year === y)) continue; // an overlapping membership row
    const jan1 = y === year ? curJan1 : `${y}-01-01`;
    addYearTotals(p.items, r.fields, TOTALS_AT, KIND_COLUMNS, jan1);
    addYearTotals(p.credits, r.fields, TOTALS_AT + 2 * KIND_COLUMNS.length, CREDIT_COLUMNS, jan1);
    p.years.push({
      year: y,
      refDate: y === year ? asOf : prevEnd,
      roles: r.roles,
      secretarySince: r.secretarySince,
    });
  }
  for (const pub of pubs) byOrg.get(pub.orgId)?.publications.push(pub.period);
  return [...byOrg.values()];
}

/** Whether every year of `years` is in the span. */
const within = (span: PersonYearSpan | null | undefined, years: [number, string][]) =>
  !!span && years.every(([y]) => y >= span.from && y <= span.through);

/**
 * Adds a year's sums to a person's items: one per kind with any, dated 1 January, `sessions` = records or meetings.
 * `fields` holds each kind's hours and count from `at` on, in the order of `columns` ('' = none).
 */
function addYearTotals(
  items: StudyItem[],
  fields: string[],
  at: number,
  columns: readonly { kind: StudyKind }[],
  /** 1 January of the row's year. */
  date: string,
): void {
  for (let i = 0; i < columns.length; i++) {
    const n = fields[at + 2 * i + 1];
    if (n && n !== '0')
      items.push({ date, hours: Number(fields[at + 2 * i]), kind: columns[i].kind, sessions: Number(n) });
  }
}

function pushTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
