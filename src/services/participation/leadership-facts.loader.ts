import { sql } from 'kysely';
import { read } from '../../db/batch.ts';
import { packed, unpack } from '../../db/packed.ts';
import { inSubtree } from '../../db/subtree.ts';
import type { LeadershipFacts, Seat } from '../../domain/checks/leadership-facts.ts';
import type { MeetingVoteFacts } from '../../domain/checks/voting-rights.ts';
import { WIDE } from './participation-facts.ts';
import type { Tx } from '../deps.ts';

const SEATS = sql.raw(`('secretary','deputy_secretary','committee_member')`);

/**
 * ORG-012/016/017 facts for every org of a subtree in four set-based queries: the secretary's person
 * flags, the elections of the year of `asOf` with the votes recorded at the org's 党员大会 that day, and
 * the committee seats that ended / started (and election days) since the org's last regular election.
 */
export async function loadLeadership(
  db: Tx,
  rootPath: string,
  asOf: string,
): Promise<Map<string, LeadershipFacts>> {
  const orgIn = inSubtree('o.path', rootPath);
  const yearStart = `${asOf.slice(0, 4)}-01-01`;
  // each org's last regular election up to asOf: one index probe per org of the subtree (a lateral join,
  // computed once per org — a scalar subquery in the CASEs below ran four times per position row); elections
  // are read org by org too (`offset 0` keeps the lateral: a generic plan, one branch's, hashed every election)
  const since = sql`left join lateral (select max(e.held_on) as since from election e
    where e.org_id = o.id and e.kind = 'regular' and e.held_on <= ${asOf}) s on true`;
  // read without the camelCase plugin (one object fewer per row: ≈ 40k rows at city scale), aliases camelCase
  const raw = db.withoutPlugins();
  const [secretaries, elections, seats, days] = await Promise.all([
    read(
      raw,
      sql<{ orgId: string; flags: string[] }>`
      select p.org_id as "orgId", pe.flags from position p join org o on o.id = p.org_id join person pe on pe.id = p.person_id
      where ${orgIn} and p.role = 'secretary' and p.valid_from <= ${asOf}
        and (p.valid_to is null or p.valid_to > ${asOf})`,
    ),
    // each election of the year with the votes recorded at its org's 党员大会 that day, read election by election
    // (the records by the `meeting_wide` index, whose condition the query repeats; aggregating the votes of every
    // 党员大会 of the year first cost ≈ 70 ms a city run for ≈ 2k elections)
    read(
      raw,
      sql<{ orgId: string; heldOn: string; kind: string; votes: MeetingVoteFacts[] }>`
      select e.org_id as "orgId", e.held_on::text as "heldOn", e.kind, coalesce(v.votes, '[]'::jsonb) as votes
      from org o cross join lateral (select * from election e
          where e.org_id = o.id and e.held_on between ${yearStart} and ${asOf} offset 0) e
        left join lateral (
          select jsonb_agg(v.vote order by m.held_at, v.i) as votes
          from meeting m cross join lateral jsonb_array_elements(m.votes) with ordinality as v(vote, i)
          where m.org_id = e.org_id and m.held_on = e.held_on and m.status <> 'planned' and m.tags ?| ${WIDE}
            and m.tags ? 'branch_assembly' and m.votes <> '[]'::jsonb) v on true
      where ${orgIn}
      order by e.held_on`,
    ),
    read(
      raw,
      // org, person, role, started on, ended on — packed (src/db/packed.ts: ≈ 25k rows a city run)
      sql<{ packed: string }>`
      select ${packed([
        sql`p.org_id`,
        sql`p.person_id`,
        sql`p.role`,
        sql`case when p.valid_from <= ${asOf} and (s.since is null or p.valid_from >= s.since) then p.valid_from end`,
        sql`case when p.valid_to <= ${asOf} and (s.since is null or p.valid_to >= s.since) then p.valid_to end`,
      ])} as packed
      from position p join org o on o.id = p.org_id ${since}
      where ${orgIn} and p.role in ${SEATS}`,
    ),
    read(
      raw,
      sql<{ orgId: string; day: string }>`
      select e.org_id as "orgId", e.held_on::text as day
      from org o ${since} cross join lateral (select e.org_id, e.held_on from election e
        where e.org_id = o.id and e.held_on <= ${asOf} and e.held_on >= coalesce(s.since, e.held_on) offset 0) e
      where ${orgIn}`,
    ),
  ]);
  const out = new Map<string, LeadershipFacts>();
  const get = (orgId: string) => {
    const f = out.get(orgId) ?? noLeadership();
    out.set(orgId, f);
    return f;
  };
  for (const s of secretaries.rows) get(s.orgId).secretaryFlags = s.flags ?? [];
  for (const e of elections.rows)
    get(e.orgId).elections.push({ heldOn: e.heldOn, kind: e.kind, votes: e.votes });
  for (const p of seats.rows) {
    const [orgId, personId, role, startOn, endOn] = unpack(p.packed);
    const seat = (on: string): Seat => ({ personId, role, on });
    if (startOn) get(orgId).seatsStarted.push(seat(startOn));
    if (endOn) get(orgId).seatsEnded.push(seat(endOn));
  }
  for (const d of days.rows) get(d.orgId).electionDays.push(d.day);
  return out;
}

/** Leadership facts of an org with no secretary, election or seat change. */
export const noLeadership = (): LeadershipFacts => ({
  secretaryFlags: null,
  elections: [],
  seatsEnded: [],
  seatsStarted: [],
  electionDays: [],
});
