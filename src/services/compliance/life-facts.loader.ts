import { sql } from 'kysely';
import type { LifeFacts, OrgFacts } from '../../domain/checks/types.ts';
import { addDays } from '../../domain/dates.ts';
import type { Tx } from '../deps.ts';

/**
 * Organizational-life facts for a subtree, for the calendar year of `asOf` up to that day, in three
 * set-based queries: complete records per org × tag × month, complete 主题党日 dates, incomplete
 * records. A record counts for every tag it completes (RULES.md §0.3 C5).
 */
export async function loadLifeFacts(
  db: Tx,
  rootPath: string,
  asOf: string,
  orgs: OrgFacts[],
): Promise<LifeFacts[]> {
  const like = `${rootPath}%`;
  const from = `${asOf.slice(0, 4)}-01-01T00:00:00+08:00`;
  const to = `${addDays(asOf, 1)}T00:00:00+08:00`;
  const [counts, themeDays, incomplete] = await Promise.all([
    sql<{ orgId: string; tag: string; month: string; n: number }>`
      select m.org_id, t.tag, to_char(m.held_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month, count(*)::int as n
      from meeting m cross join lateral jsonb_array_elements_text(m.tags) as t(tag)
      where m.org_path like ${like} and m.held_at >= ${from} and m.held_at < ${to}
        and m.status <> 'planned' and coalesce(jsonb_array_length(m.missing -> t.tag), 0) = 0
      group by 1, 2, 3`.execute(db),
    sql<{ orgId: string; day: string }>`
      select m.org_id, to_char(m.held_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as day
      from meeting m
      where m.org_path like ${like} and m.held_at >= ${from} and m.held_at < ${to}
        and m.status <> 'planned' and m.tags ? 'theme_day'`.execute(db),
    sql<{ id: string; orgId: string; day: string; tags: string[]; missing: Record<string, string[]> }>`
      select m.id, m.org_id, to_char(m.held_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD') as day, m.tags, m.missing
      from meeting m
      where m.org_path like ${like} and m.held_at >= ${from} and m.held_at < ${to} and m.status <> 'planned'
        and exists (select 1 from jsonb_each(m.missing) e where jsonb_array_length(e.value) > 0)
      order by m.held_at`.execute(db),
  ]);
  const byOrg = new Map<string, LifeFacts>(
    orgs.map((o) => [o.orgId, { org: o, monthly: {}, themeDays: [], incomplete: [] }]),
  );
  for (const c of counts.rows) {
    const f = byOrg.get(c.orgId);
    if (!f) continue;
    f.monthly[c.tag] ??= {};
    f.monthly[c.tag][c.month] = Number(c.n);
  }
  for (const t of themeDays.rows) byOrg.get(t.orgId)?.themeDays.push(t.day);
  for (const m of incomplete.rows)
    byOrg.get(m.orgId)?.incomplete.push({ meetingId: m.id, date: m.day, tags: m.tags, missing: m.missing });
  return [...byOrg.values()];
}
