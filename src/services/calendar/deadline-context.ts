import { type Deadline, deadlinesOfMonth, termEndDeadline } from '../../domain/calendar/deadlines.ts';
import { anyOf } from '../../db/any-of.ts';
import { monthEnd } from '../../domain/calendar/month.ts';
import { ROOT_PACK_ID } from '../../domain/standards/pack-loader.ts';
import { BRANCH_KINDS, type OrgKind } from '../../shared/enums.ts';
import { activePacks, packParams, standardPacks } from '../compliance/evaluate.ts';
import { loadLifeFacts } from '../compliance/life-facts.loader.ts';
import { onlyRules } from '../compliance/in-force.ts';
import { meetingFrequency } from '../../domain/checks/meeting-frequency.ts';
import { themeDayDate } from '../../domain/checks/theme-day-date.ts';
import { loadOrgFacts } from '../compliance/org-facts.loader.ts';
import { loadOverrides, overridesAt, withOverrides } from '../compliance/overrides.ts';
import { ancestorPacks } from '../compliance/active-pack.ts';
import type { Tx } from '../deps.ts';

export type OrgDeadline = Deadline & { orgId: string; orgName: string; orgPath: string };

/** Orgs that owe meetings (LIFE-002…009): branches and 党小组. Others only have a term end. */
export const holdsMeetings = (kind: string) => kind === 'group' || BRANCH_KINDS.includes(kind as OrgKind);

const byDate = (a: OrgDeadline, b: OrgDeadline) =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.orgPath < b.orgPath ? -1 : a.orgPath > b.orgPath ? 1 : 0;

/**
 * Deadlines in some months for orgs of a subtree (those `keep` selects), each org judged with its
 * active pack's parameters and local overrides exactly as the compliance evaluation reads them:
 * facts as of `asOf` (set-based loaders, loaded once), then the pure domain computation per month.
 */
export async function subtreeDeadlines(
  db: Tx,
  rootPath: string,
  months: string[],
  asOf: string,
  keep: (org: { orgId: string; path: string }) => boolean = () => true,
): Promise<OrgDeadline[]> {
  const { facts, placement } = await loadOrgFacts(db, rootPath, asOf);
  const wanted = new Map(placement.filter(keep).map((p) => [p.orgId, p]));
  if (wanted.size === 0) return [];
  const life = await loadLifeFacts(
    db,
    rootPath,
    asOf,
    facts.filter((f) => wanted.has(f.orgId)),
    {},
    // the deadlines read the meeting counts and 主题党日 dates only
    onlyRules([...meetingFrequency.ruleIds, ...themeDayDate.ruleIds]),
  );
  const packOf = activePacks(placement, await ancestorPacks(db, rootPath));
  const packs = await standardPacks();
  const overrides = await loadOverrides(db, rootPath);
  const out: OrgDeadline[] = [];
  for (const f of life) {
    const place = wanted.get(f.org.orgId)!;
    const pack = packs.get(packOf.get(f.org.orgId) ?? ROOT_PACK_ID)!;
    const param = withOverrides(packParams(pack), overridesAt(place.path, overrides));
    const scored = new Set(pack.ruleIds);
    for (const month of months)
      for (const d of deadlinesOfMonth({
        month,
        org: f.org,
        monthly: f.monthly,
        themeDays: f.themeDays,
        param,
        scored,
      }))
        out.push({ ...d, orgId: f.org.orgId, orgName: f.org.name, orgPath: place.path });
  }
  return out.sort(byDate);
}

/**
 * Term ends (ORG-014) of some orgs in some months, from their last regular election on or before
 * `asOf` — without loading the subtree's facts (a 党委's or 党总支's only deadline).
 */
export async function termEndDeadlines(
  db: Tx,
  orgIds: string[],
  months: string[],
  asOf: string,
): Promise<OrgDeadline[]> {
  if (orgIds.length === 0) return [];
  const rows = await db
    .selectFrom('org as o')
    .innerJoin('election as e', 'e.orgId', 'o.id')
    .select(['o.id', 'o.name', 'o.path', 'e.heldOn', 'e.termYears'])
    .where(anyOf('o.id', orgIds))
    .where('e.kind', '=', 'regular')
    .where('e.heldOn', '<=', asOf)
    .orderBy('e.heldOn', 'desc')
    .execute();
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!latest.has(r.id)) latest.set(r.id, r);
  const out: OrgDeadline[] = [];
  for (const r of latest.values())
    for (const month of months) {
      const d = termEndDeadline({ heldOn: r.heldOn, termYears: r.termYears }, month);
      if (d) out.push({ ...d, orgId: r.id, orgName: r.name, orgPath: r.path });
    }
  return out.sort(byDate);
}

/** Deadlines of one org and, optionally, its direct children in a month (the org calendar). */
export async function orgMonthDeadlines(
  db: Tx,
  org: { id: string; path: string; kind: string },
  month: string,
): Promise<OrgDeadline[]> {
  const children = await db
    .selectFrom('org')
    .select(['id', 'kind'])
    .where('parentId', '=', org.id)
    .where('dissolvedOn', 'is', null)
    .execute();
  const depth = org.path.split('/').length;
  if (holdsMeetings(org.kind) || children.some((c) => holdsMeetings(c.kind)))
    return subtreeDeadlines(
      db,
      org.path,
      [month],
      monthEnd(month),
      (o) => o.path.split('/').length <= depth + 1,
    );
  return termEndDeadlines(db, [org.id, ...children.map((c) => c.id)], [month], monthEnd(month));
}
