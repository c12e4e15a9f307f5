import { sql } from 'kysely';
import { BRANCH_KINDS } from '../../shared/enums.ts';
import type { Tx } from '../deps.ts';
import { type DatedAfter, datedAfterColumns } from './edu-facts.sql.ts';
import type { PersonYearSpan } from './edu-facts.loader.ts';
import type { OverrideRow } from './overrides.ts';

/** Packs set around a subtree: at or above its root (path → pack, as ancestorPacks) and inside it. */
export type PacksAround = { above: Map<string, string>; inside: string[] };

/** What an evaluation needs before its fact queries: the root, its overrides and packs, the dated-after probe. */
export type RunContext = {
  root: { path: string; kind: string };
  /** Overrides that can apply inside the subtree (as loadOverrides). */
  overrides: OverrideRow[];
  around: PacksAround;
  /** Whether anything is dated after the evaluation date in its year (see eduDatedAfter). */
  after: DatedAfter;
  /** The years study_person_year holds every member-year of (migration 0021). */
  personYears: PersonYearSpan | null;
  /** The subtree's share of the tree's orgs (0–1]: see {@link WIDE_SHARE}; 0 for one branch (not counted). */
  share: number;
};

/**
 * A subtree with at least this share of the tree's orgs is evaluated with the whole tree's shortcuts (EduBounds'
 * `wide`: tails summed in one pass, candidates from the kept person-years). Their cost is the whole tree's: at city
 * scale ≈ 33k kept candidates probed by person — from a 总支 (23 orgs) 2.7 s against ≈ 0.1 s from its own members.
 */
export const WIDE_SHARE = 0.25;

/**
 * The {@link RunContext} of an evaluation of the org `orgCode` (else the whole tree) as of `asOf`, in one statement
 * (null: no such org). A branch's refresh is ~25 statements, each costing Node ≈ 0.15-0.2 ms to send and read
 * (docs/benchmarks.md): the root lookup, the overrides, the packs around and the probe were four.
 */
export async function loadRunContext(
  db: Tx,
  orgCode: string | undefined,
  asOf: string,
): Promise<RunContext | null> {
  const root = orgCode
    ? sql`select path, kind from org where code = ${orgCode}`
    : sql`select '/'::text collate "C" as path, 'committee'::text as kind`;
  // `path` in the subtree of root or at or above it (paths are `collate "C"`: the range is the prefix match)
  const around = (path: string) =>
    sql.raw(`((${path} >= root.path and ${path} < left(root.path, -1) || '0')
      or left(root.path, length(${path})) = ${path})`);
  const r = await sql<{
    path: string;
    kind: string;
    overrides: OverrideRow[] | null;
    packs: [string, string][] | null;
    records: boolean;
    credits: boolean;
    person_years: PersonYearSpan | null;
    share: number;
  }>`with root as (${root})
    select root.path, root.kind,
      (select json_agg(json_build_object('orgPath', p.org_path, 'key', p.key, 'value', p.value, 'reason', p.reason,
          'orgName', o.name))
        from parameter_override p join org o on o.id = p.org_id where ${around('p.org_path')}) as overrides,
      (select json_agg(json_build_array(g.path, g.pack)) from org g
        where g.pack is not null and ${around('g.path')}) as packs,
      ${datedAfterColumns(asOf)},
      (select json_build_object('from', from_year, 'through', through_year) from study_person_year_span limit 1)
        as person_years,
      -- not counted for one branch (its run takes no shortcut; counting the tree's orgs was ≈ 0.3 ms of its refresh)
      case when root.kind not in (${sql.join(BRANCH_KINDS)}) then
        (select count(*) from org g where g.path >= root.path and g.path < left(root.path, -1) || '0')::float8
          / greatest((select count(*) from org), 1) else 0 end as share
    from root`.execute(db.withoutPlugins());
  const row = r.rows[0];
  if (!row) return null;
  const packs = row.packs ?? [];
  return {
    root: { path: row.path, kind: row.kind },
    overrides: row.overrides ?? [],
    around: {
      above: new Map(packs.filter(([p]) => row.path.startsWith(p))),
      inside: packs.filter(([p]) => p.startsWith(row.path)).map(([, pack]) => pack),
    },
    after: { records: row.records, credits: row.credits },
    personYears: row.person_years,
    share: row.share,
  };
}
