import { sql } from 'kysely';
import {
  type AttendanceMark,
  LOOKBACK_MONTHS,
  MEMBER_WIDE_TAGS,
  type ParticipationFacts,
  Tally,
} from '../../domain/checks/participation.ts';
import { addMonths } from '../../domain/dates.ts';
import type { Tx } from '../deps.ts';

const PARTY = sql.raw(`('probationary','full')`);
const WIDE = sql.raw(`array[${MEMBER_WIDE_TAGS.map((t) => `'${t}'`).join(',')}]`);

/**
 * LIFE-018/019 facts for every org of a subtree, set-based: the party members (预备/正式) on `asOf` with
 * the first day of their stay and their party-member spans since the lookback start (`from`, default
 * {@link LOOKBACK_MONTHS} months before the month of `asOf`); the member-wide records of the orgs those
 * spans cover; the absent/leave rows of those records; explicit `present` rows at other records (支委会,
 * 党小组会 …, `wide: false`). Each mark is folded into its member's {@link Tally} as it is derived — a
 * member of a record's org that day without a row was present (records list who was away) — so no mark
 * list is kept: at city scale that list had ~10M entries. Joining members × records in SQL was 10×
 * slower on PGlite.
 * `onlyOrgId` restricts the members to one org of the subtree.
 */
export async function loadParticipation(
  db: Tx,
  rootPath: string,
  asOf: string,
  from = addMonths(`${asOf.slice(0, 7)}-01`, -LOOKBACK_MONTHS),
  onlyOrgId?: string,
): Promise<Map<string, ParticipationFacts>> {
  const like = `${rootPath}%`;
  const only = onlyOrgId ? sql`and org_id = ${onlyOrgId}` : sql``;
  const cur = sql`
    select distinct person_id from membership
    where org_path like ${like} and status in ${PARTY} and valid_from <= ${asOf}
      and (valid_to is null or valid_to > ${asOf}) ${only}`;
  const window = sql`m.held_on between ${from} and ${asOf} and m.status <> 'planned'`;
  const [members, spans] = await Promise.all([
    sql<{ personId: string; orgId: string; name: string; since: string }>`
      select ms.person_id, ms.org_id, pe.name, (min(x.valid_from))::text as since
      from membership ms
      join person pe on pe.id = ms.person_id
      join membership x on x.person_id = ms.person_id and x.org_id = ms.org_id and x.status in ${PARTY}
      where ms.org_path like ${like} and ms.status in ${PARTY} and ms.valid_from <= ${asOf}
        and (ms.valid_to is null or ms.valid_to > ${asOf}) ${onlyOrgId ? sql`and ms.org_id = ${onlyOrgId}` : sql``}
      group by ms.person_id, ms.org_id, pe.name, pe.ref
      order by ms.org_id, pe.ref nulls last, pe.name, ms.person_id`.execute(db),
    sql<{ personId: string; orgId: string; validFrom: string; validTo: string | null }>`
      select ms.person_id, ms.org_id, ms.valid_from::text as valid_from,
        ms.valid_to::text as valid_to
      from membership ms
      where ms.person_id in (${cur}) and ms.status in ${PARTY} and ms.valid_from <= ${asOf}
        and (ms.valid_to is null or ms.valid_to > ${from})`.execute(db),
  ]);
  const people = [...new Set(members.rows.map((m) => m.personId))];
  const orgs = [...new Set(spans.rows.map((s) => s.orgId))];
  if (people.length === 0) return new Map();
  const inOrgs = sql`m.org_id = any(${orgs}::uuid[])`;
  const [meetings, away, extra] = await Promise.all([
    sql<{ id: string; orgId: string; day: string }>`
      select m.id, m.org_id, m.held_on::text as day from meeting m
      where ${inOrgs} and ${window} and m.tags ?| ${WIDE}
      order by m.held_on`.execute(db),
    sql<{ meetingId: string; personId: string; status: AttendanceMark['status'] }>`
      select a.meeting_id, a.person_id, a.status from meeting_attendance a join meeting m on m.id = a.meeting_id
      where ${inOrgs} and ${window} and m.tags ?| ${WIDE} and a.status <> 'present'`.execute(db),
    sql<{ personId: string; orgId: string; day: string }>`
      select a.person_id, m.org_id, m.held_on::text as day
      from meeting_attendance a join meeting m on m.id = a.meeting_id
      where a.person_id in (${cur}) and a.status = 'present' and ${window}
        and not (m.tags ?| ${WIDE})`.execute(db),
  ]);
  const meetingsOf = new Map<string, { id: string; day: string }[]>();
  for (const m of meetings.rows) {
    const list = meetingsOf.get(m.orgId);
    if (list) list.push(m);
    else meetingsOf.set(m.orgId, [m]);
  }
  const awayOf = new Map<string, Map<string, AttendanceMark['status']>>();
  for (const a of away.rows) {
    const mine = awayOf.get(a.personId) ?? new Map();
    mine.set(a.meetingId, a.status);
    awayOf.set(a.personId, mine);
  }
  // one tally per member row (a person current in two orgs has two), fed every mark of the person
  const yearFrom = `${asOf.slice(0, 4)}-01-01`;
  const out = new Map<string, ParticipationFacts>();
  const talliesOf = new Map<string, Tally[]>();
  const rows: { member: (typeof members.rows)[number]; tally: Tally }[] = [];
  for (const m of members.rows) {
    const tally = new Tally(m.orgId, yearFrom, asOf);
    rows.push({ member: m, tally });
    const list = talliesOf.get(m.personId);
    if (list) list.push(tally);
    else talliesOf.set(m.personId, [tally]);
  }
  for (const s of spans.rows) {
    const tallies = talliesOf.get(s.personId);
    if (!tallies) continue;
    const mine = awayOf.get(s.personId);
    for (const m of meetingsOf.get(s.orgId) ?? []) {
      if (m.day < s.validFrom || (s.validTo !== null && m.day >= s.validTo)) continue;
      const status = mine?.get(m.id) ?? 'present';
      for (const t of tallies) t.add(m.day, status, true, s.orgId);
    }
  }
  for (const e of extra.rows)
    for (const t of talliesOf.get(e.personId) ?? []) t.add(e.day, 'present', false, e.orgId);
  for (const { member, tally } of rows) {
    const f = out.get(member.orgId) ?? { members: [] };
    out.set(member.orgId, f);
    f.members.push({
      personId: member.personId,
      name: member.name,
      since: member.since,
      months: tally.months,
      year: tally.year,
    });
  }
  return out;
}

/** ORG-019: for each meeting with votes in the year of `asOf`, the org's full members that day. */
export async function loadVotersOn(
  db: Tx,
  rootPath: string,
  asOf: string,
): Promise<Map<string, Record<string, number>>> {
  const rows = await sql<{ id: string; orgId: string; n: number }>`
    select m.id, m.org_id, (
      select count(distinct f.person_id) from membership f
      where f.org_id = m.org_id and f.status = 'full' and f.valid_from <= m.held_on
        and (f.valid_to is null or f.valid_to > m.held_on)
    )::int as n
    from meeting m
    where m.org_path like ${`${rootPath}%`} and m.held_on between ${`${asOf.slice(0, 4)}-01-01`} and ${asOf}
      and m.status <> 'planned' and m.votes <> '[]'::jsonb`.execute(db);
  const out = new Map<string, Record<string, number>>();
  for (const r of rows.rows) {
    const rec = out.get(r.orgId) ?? {};
    rec[r.id] = Number(r.n);
    out.set(r.orgId, rec);
  }
  return out;
}
