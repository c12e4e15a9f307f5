import { sql } from 'kysely';
import { read } from '../../db/batch.ts';
import { inSubtree } from '../../db/subtree.ts';
import type { LifeFacts, OrgFacts } from '../../domain/checks/types.ts';
import { MEETING_TAGS } from '../../shared/enums.ts';
import type { Tx } from '../deps.ts';
import { loadMajorMatters } from '../participation/major-matters.loader.ts';
import { loadParticipation, loadVotersOn } from '../participation/participation-facts.ts';
import { loadPlanFacts } from '../plans/plan-facts.loader.ts';
import { annualPlan } from '../../domain/checks/annual-plan.ts';
import { firstTopic } from '../../domain/checks/first-topic.ts';
import { meetingFrequency } from '../../domain/checks/meeting-frequency.ts';
import { nonParticipation } from '../../domain/checks/non-participation.ts';
import { participationRate } from '../../domain/checks/participation-rate.ts';
import { recordCompleteness } from '../../domain/checks/record-completeness.ts';
import { speakingOrder } from '../../domain/checks/speaking-order.ts';
import { themeDayDate } from '../../domain/checks/theme-day-date.ts';
import { voteArithmetic } from '../../domain/checks/vote-arithmetic.ts';
import { votingRights } from '../../domain/checks/voting-rights.ts';
import type { InForce } from './in-force.ts';

/** Whose participation to load (see loadParticipation): everyone, or only members absent in enough months. */
export type ParticipationScope = {
  minAbsentMonths?: number;
  /** Every participation query at once (a batched branch run: one round trip). */
  oneTurn?: boolean;
};

/**
 * Organizational-life facts for a subtree, for the calendar year of `asOf` up to that day, in three
 * set-based queries over columns computed at write time (`held_on`, `complete_tags`, `incomplete`):
 * each org's complete records (month and complete tags), 主题党日 dates, incomplete records.
 * A record counts for every tag it completes (RULES.md §0.3 C5). Each query runs only when a check that reads
 * its facts judges a rule some pack in force scores (`inForce`; the fact stays empty otherwise).
 */
export async function loadLifeFacts(
  db: Tx,
  rootPath: string,
  asOf: string,
  /** The subtree's orgs, or their promise: the loader's queries start before the org facts arrive. */
  orgs: OrgFacts[] | Promise<OrgFacts[]>,
  /** Whose participation to load. */
  participationScope: ParticipationScope,
  /** What the packs in force score. */
  inForce: InForce,
): Promise<LifeFacts[]> {
  /** The query when one of the checks reading its facts is in force, else `none`. */
  const forChecks = <T>(checks: { ruleIds: readonly string[] }[], query: () => Promise<T>, none: T) =>
    inForce.scores(...checks.flatMap((c) => c.ruleIds)) ? query() : Promise.resolve(none);
  const noRows = { rows: [] };
  const from = `${asOf.slice(0, 4)}-01-01`;
  const inRange = sql`${inSubtree('m.org_path', rootPath)} and m.held_on between ${from} and ${asOf} and m.status <> 'planned'`;
  const raw = db.withoutPlugins();
  // all at once: on PostgreSQL's pool the queries run while earlier results are parsed (PGlite serializes them)
  const [counts, themeDays, incomplete, noFirst, votes, plans, participation, voters, majors] =
    await Promise.all([
      // one row per org: the month and complete tags of each of its records, counted here (~140k records at city
      // scale; counting them in SQL into JSON per org × tag × month cost PostgreSQL ≈ 270 ms, the list ≈ 80 ms,
      // read in the order of an index); read without the camelCase plugin
      forChecks(
        [meetingFrequency],
        () =>
          read(
            raw,
            sql<{ orgId: string; held: string }>`
      select m.org_id as "orgId", string_agg(left(m.held_on::text, 7) || m.complete_tags, ';') as held
      from meeting m where ${inRange} and m.complete_tags <> ''
      group by m.org_path, m.org_id`,
          ),
        noRows,
      ),
      forChecks(
        [themeDayDate],
        () =>
          read(
            raw,
            sql<{ orgId: string; days: string[] }>`
      select m.org_id as "orgId", json_agg(m.held_on::text order by m.held_on) as days
      from meeting m where ${inRange} and m.tags ? 'theme_day'
      group by 1`,
          ),
        noRows,
      ),
      forChecks(
        [recordCompleteness],
        () =>
          read(
            raw,
            sql<{
              id: string;
              orgId: string;
              day: string;
              tags: string[];
              missing: Record<string, string[]>;
            }>`
      select m.id, m.org_id as "orgId", m.held_on::text as day, m.tags, m.missing
      from meeting m where ${inRange} and m.incomplete
      order by m.held_at`,
          ),
        noRows,
      ),
      forChecks(
        [firstTopic],
        () =>
          read(
            raw,
            sql<{ id: string; orgId: string; day: string; tags: string[] }>`
      select m.id, m.org_id as "orgId", m.held_on::text as day, m.tags
      from meeting m where ${inRange} and (m.tags ? 'branch_assembly' or m.tags ? 'committee_meeting')
        and coalesce(m.agenda -> 0 ->> 'first_topic', 'false') <> 'true'
      order by m.held_at`,
          ),
        noRows,
      ),
      forChecks(
        [voteArithmetic, votingRights],
        () =>
          read(
            raw,
            sql<{ id: string; orgId: string; day: string; vote: LifeFacts['votes'][number]['vote'] }>`
      select m.id, m.org_id as "orgId", m.held_on::text as day, v.vote
      from meeting m cross join lateral jsonb_array_elements(m.votes) as v(vote)
      where ${inRange} and m.votes <> '[]'::jsonb
      order by m.held_at`,
          ),
        noRows,
      ),
      forChecks([annualPlan], () => loadPlanFacts(db, rootPath, asOf), new Map()),
      forChecks(
        [nonParticipation, participationRate],
        () => loadParticipation(db, rootPath, asOf, participationScope),
        new Map(),
      ),
      forChecks([votingRights], () => loadVotersOn(db, rootPath, asOf), new Map()),
      forChecks([speakingOrder], () => loadMajorMatters(db, rootPath, asOf), new Map()),
    ]);
  const byOrg = new Map<string, LifeFacts>(
    (await orgs).map((o) => [
      o.orgId,
      { org: o, monthly: {}, themeDays: [], incomplete: [], noFirstTopic: [], votes: [] },
    ]),
  );
  for (const c of counts.rows) {
    const f = byOrg.get(c.orgId);
    if (f) f.monthly = countByTagAndMonth(c.held);
  }
  for (const t of themeDays.rows) {
    const f = byOrg.get(t.orgId);
    if (f) f.themeDays = t.days;
  }
  for (const m of incomplete.rows)
    byOrg.get(m.orgId)?.incomplete.push({ meetingId: m.id, date: m.day, tags: m.tags, missing: m.missing });
  for (const m of noFirst.rows)
    byOrg.get(m.orgId)?.noFirstTopic.push({ meetingId: m.id, date: m.day, tags: m.tags });
  for (const v of votes.rows) byOrg.get(v.orgId)?.votes.push({ meetingId: v.id, date: v.day, vote: v.vote });
  for (const [orgId, plan] of plans) {
    const f = byOrg.get(orgId);
    if (f) f.plan = plan;
  }
  for (const f of byOrg.values()) {
    f.participation = participation.get(f.org.orgId) ?? { members: [] };
    f.votersOn = voters.get(f.org.orgId) ?? {};
    f.majorMatters = majors.get(f.org.orgId) ?? [];
  }
  return [...byOrg.values()];
}

/** Tags of up to this many characters are looked up in {@link TAG_INDEX}. */
const TAG_MAX = 32;
/**
 * The meeting tags' indexes in MEETING_TAGS by length × 128 + first character (else -1): a tag in place is identified
 * by two character reads, one array read and one compare.
 */
const TAG_INDEX = new Int8Array((TAG_MAX + 1) * 128).fill(-1);
MEETING_TAGS.forEach((tag, i) => {
  const at = tag.length * 128 + tag.charCodeAt(0);
  if (tag.length > TAG_MAX || TAG_INDEX[at] >= 0) throw new Error(`meeting tag ${tag}: extend TAG_INDEX`);
  TAG_INDEX[at] = i;
});

/** The index in MEETING_TAGS of the tag of `held` between `at` and `to`, else -1 (a tag outside the list). */
function tagIndex(held: string, at: number, to: number): number {
  const c = held.charCodeAt(at);
  if (to - at > TAG_MAX || c >= 128) return -1;
  const i = TAG_INDEX[(to - at) * 128 + c];
  return i >= 0 && held.startsWith(MEETING_TAGS[i], at) ? i : -1;
}

/**
 * The records of an org counted per complete tag and month (`monthly`): from `held`, its records as
 * `YYYY-MM<tag>,<tag>…` joined by `;` (a record counts for every tag it completes). Written for ~140k records a
 * city run, allocating nothing per record: a month's counters (one per meeting tag) are looked up once while the
 * records stay in it, a tag is identified in place by its length and first character (a tag outside the list,
 * which the data should not have, is sliced out and counted by name). Matching each tag against the list in turn and
 * counting in two maps cost ≈ 80–100 ms a city run alone (≈ 3.1 MB of records), this ≈ 45–50 ms; slicing each
 * record's tag set out, more (the run's young generation is full of live facts: the scavenges cost).
 */
export function countByTagAndMonth(held: string): LifeFacts['monthly'] {
  const months = new Map<string, Int32Array>();
  let other: Map<string, Map<string, number>> | undefined;
  let month = '';
  let counts: Int32Array = new Int32Array(0);
  for (let at = 0; at < held.length; ) {
    const next = held.indexOf(';', at);
    const end = next < 0 ? held.length : next;
    if (!month || !held.startsWith(month, at)) {
      month = held.slice(at, at + 7);
      let hit = months.get(month);
      if (!hit) {
        hit = new Int32Array(MEETING_TAGS.length);
        months.set(month, hit);
      }
      counts = hit;
    }
    for (let t = at + 7; t < end; ) {
      const comma = held.indexOf(',', t);
      const stop = comma < 0 || comma > end ? end : comma;
      const i = tagIndex(held, t, stop);
      if (i >= 0) counts[i]++;
      else {
        other ??= new Map();
        const tag = held.slice(t, stop);
        let byMonth = other.get(tag);
        if (!byMonth) {
          byMonth = new Map();
          other.set(tag, byMonth);
        }
        byMonth.set(month, (byMonth.get(month) ?? 0) + 1);
      }
      t = stop + 1;
    }
    at = end + 1;
  }
  const out: LifeFacts['monthly'] = {};
  for (const [m, c] of months)
    for (let i = 0; i < c.length; i++) {
      if (!c[i]) continue;
      out[MEETING_TAGS[i]] ??= {};
      out[MEETING_TAGS[i]][m] = c[i];
    }
  if (other) for (const [tag, byMonth] of other) out[tag] = Object.fromEntries(byMonth);
  return out;
}
