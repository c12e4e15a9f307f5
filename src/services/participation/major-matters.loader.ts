import { sql } from 'kysely';
import { inSubtree } from '../../db/subtree.ts';
import type { MajorMatterFacts } from '../../domain/checks/speaking-order.ts';
import type { Tx } from '../deps.ts';

type Row = {
  id: string;
  orgId: string;
  day: string;
  agenda: { title: string; major?: boolean; speakers?: string[] }[];
  present: { personId: string; name: string }[];
  secretaryId: string | null;
};

/**
 * LIFE-016 facts for a subtree in one query: the 支委会 records of the year of `asOf` with agenda items
 * marked 重大事项, each with the committee members in office that day who were not recorded away, and
 * the secretary of that day.
 */
export async function loadMajorMatters(
  db: Tx,
  rootPath: string,
  asOf: string,
): Promise<Map<string, MajorMatterFacts[]>> {
  const seat = sql`p.org_id = m.org_id and p.valid_from <= m.held_on and (p.valid_to is null or p.valid_to > m.held_on)`;
  const rows = await sql<Row>`
    select m.id, m.org_id, m.held_on::text as day, m.agenda,
      coalesce((
        select jsonb_agg(jsonb_build_object('personId', c.person_id, 'name', c.name) order by c.name)
        from (
          select distinct p.person_id, pe.name from position p join person pe on pe.id = p.person_id
          where ${seat} and p.role in ('secretary', 'deputy_secretary', 'committee_member')
            and not exists (select 1 from meeting_attendance a
              where a.meeting_id = m.id and a.person_id = p.person_id and a.status <> 'present')
        ) c
      ), '[]'::jsonb) as present,
      (select p.person_id from position p where ${seat} and p.role = 'secretary'
        order by p.valid_from desc limit 1) as secretary_id
    from meeting m
    where ${inSubtree('m.org_path', rootPath)} and m.held_on between ${`${asOf.slice(0, 4)}-01-01`} and ${asOf}
      and m.status <> 'planned' and m.tags ? 'committee_meeting'
      -- as the partial index meeting_major_matters (migration 0016) is written, so that it is used
      and m.agenda @? '$[*] ? (@.major == true)'
    order by m.held_at`.execute(db);
  const out = new Map<string, MajorMatterFacts[]>();
  for (const r of rows.rows) {
    const list = out.get(r.orgId) ?? [];
    list.push({
      meetingId: r.id,
      date: r.day,
      present: r.present,
      secretaryId: r.secretaryId,
      items: r.agenda.filter((a) => a.major).map((a) => ({ title: a.title, speakers: a.speakers ?? [] })),
    });
    out.set(r.orgId, list);
  }
  return out;
}
