import { type Scope, canWritePath } from '../../domain/auth/scope.ts';
import { shanghaiDate } from '../../domain/dates.ts';
import { forbidden, ruleRefusal } from '../../domain/errors.ts';
import {
  type PointsEntry,
  type PointsItem,
  monthlyTally,
  quarterEnd,
  quarterlyTotals,
  yearlyRanking,
} from '../../domain/study/points.ts';
import type { OrgPointsResponse, PersonPointsResponse } from '../../shared/contracts/points.contract.ts';
import type { PointsStatus } from '../../shared/study-enums.ts';
import { recordAudit } from '../audit.service.ts';
import type { Actor, Deps, Tx } from '../deps.ts';
import { uuidv7 } from '../infra/ids.ts';
import { personForRead } from '../people/person-read.service.ts';
import { refreshAfterWrite } from '../compliance/refresh.ts';
import { orgForRead } from '../scope-guard.ts';
import { entryQuery, presentEntry } from './points-entries.service.ts';
import { orgOfPersonOn } from './study-records.service.ts';

const num = (v: number | string | null) => (v === null ? null : Number(v));

async function itemMap(db: Tx, ids: string[]): Promise<Map<string, PointsItem>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('pointsItem')
    .select(['id', 'code', 'capPerMonth', 'capPerYear'])
    .where('id', 'in', ids)
    .execute();
  return new Map(
    rows.map((r) => [r.id, { ...r, capPerMonth: num(r.capPerMonth), capPerYear: num(r.capPerYear) }]),
  );
}

const asEntry = (e: {
  personId: string;
  itemId: string;
  earnedOn: string;
  points: number | string;
  status: string;
}): PointsEntry => ({
  personId: e.personId,
  itemId: e.itemId,
  date: e.earnedOn,
  points: Number(e.points),
  status: e.status as PointsStatus,
});

/** A person's points of a year: entries and the capped monthly tally (approved only). */
export async function personPoints(
  deps: Deps,
  scope: Scope,
  personId: string,
  year: number,
): Promise<PersonPointsResponse> {
  await personForRead(deps.db, scope, personId);
  const rows = await entryQuery(deps.db)
    .where('e.personId', '=', personId)
    .where('e.earnedOn', '>=', `${year}-01-01`)
    .where('e.earnedOn', '<=', `${year}-12-31`)
    .orderBy('e.earnedOn', 'desc')
    .orderBy('e.id')
    .execute();
  const tally = monthlyTally(
    year,
    rows.map(asEntry),
    await itemMap(deps.db, [...new Set(rows.map((r) => r.itemId))]),
  );
  const months = Object.fromEntries(tally.get(personId) ?? []);
  const org = await orgOfPersonOn(deps.db, personId, shanghaiDate(deps.clock()));
  return {
    personId,
    year,
    entries: rows.map(presentEntry),
    months,
    total: Math.round(Object.values(months).reduce((s, n) => s + n, 0) * 10) / 10,
    canWrite: !!org && (canWritePath(scope, org.path) || scope.personId === personId),
  };
}

/** Monthly tally, quarterly totals and the yearly ranking of a subtree's members, pending claims, publications. */
export async function orgPoints(
  deps: Deps,
  scope: Scope,
  orgId: string,
  year: number,
): Promise<OrgPointsResponse> {
  const org = await orgForRead(deps.db, scope, orgId);
  const like = `${org.path}%`;
  const day = `${year}-12-31` < shanghaiDate(deps.clock()) ? `${year}-12-31` : shanghaiDate(deps.clock());
  const [members, rows, pubs] = await Promise.all([
    deps.db
      .selectFrom('membership as m')
      .innerJoin('person as p', 'p.id', 'm.personId')
      .select(['p.id', 'p.name'])
      .distinct()
      .where('m.orgPath', 'like', like)
      .where('m.status', 'in', ['probationary', 'full'])
      .where('m.validFrom', '<=', day)
      .where((eb) => eb.or([eb('m.validTo', 'is', null), eb('m.validTo', '>', day)]))
      .execute(),
    entryQuery(deps.db)
      .where('e.orgPath', 'like', like)
      .where('e.earnedOn', '>=', `${year}-01-01`)
      .where('e.earnedOn', '<=', `${year}-12-31`)
      .orderBy('e.earnedOn')
      .execute(),
    deps.db
      .selectFrom('pointsPublication')
      .select(['period', 'publishedAt', 'publishedBy'])
      .where('orgId', '=', orgId)
      .where('period', 'like', `${year}-Q%`)
      .orderBy('period')
      .execute(),
  ]);
  const tally = monthlyTally(
    year,
    rows.map(asEntry),
    await itemMap(deps.db, [...new Set(rows.map((r) => r.itemId))]),
  );
  const quarters = quarterlyTotals(tally);
  const names = new Map(members.map((m) => [m.id, m.name]));
  for (const r of rows) if (!names.has(r.personId)) names.set(r.personId, r.personName);
  return {
    orgId,
    year,
    ranking: yearlyRanking(tally, [...names.keys()]).map((r) => ({
      ...r,
      name: names.get(r.personId)!,
      months: Object.fromEntries(tally.get(r.personId) ?? []),
      quarters: Object.fromEntries(quarters.get(r.personId) ?? []),
    })),
    pending: rows.filter((r) => r.status === 'pending').map(presentEntry),
    publications: pubs.map((p) => ({ ...p, publishedAt: new Date(p.publishedAt).toISOString() })),
    canWrite: canWritePath(scope, org.path),
  };
}

/** Publishes an ended quarter's points (季公示) with a snapshot; officers of the org; once per quarter. */
export async function publishQuarter(deps: Deps, scope: Scope, actor: Actor, orgId: string, quarter: string) {
  const org = await orgForRead(deps.db, scope, orgId);
  if (!canWritePath(scope, org.path)) throw forbidden('该组织不在您的管理范围内，或您只有只读权限');
  if (quarterEnd(quarter) >= shanghaiDate(deps.clock()))
    throw ruleRefusal('quarter_not_ended', `${quarter} 尚未结束，季度结束后才能公示（quarter）`, {
      field: 'quarter',
    });
  const report = await orgPoints(deps, scope, orgId, Number(quarter.slice(0, 4)));
  const rows = report.ranking
    .map((r) => ({ personId: r.personId, name: r.name, points: r.quarters[quarter] ?? 0 }))
    .sort((a, b) => b.points - a.points || a.name.localeCompare(b.name, 'zh-CN'));
  const now = deps.clock();
  await deps.db.transaction().execute(async (trx) => {
    const dup = await trx
      .selectFrom('pointsPublication')
      .select('id')
      .where('orgId', '=', orgId)
      .where('period', '=', quarter)
      .executeTakeFirst();
    if (dup) throw ruleRefusal('already_published', `${quarter} 的积分已公示`, { field: 'quarter' });
    const id = uuidv7();
    await trx
      .insertInto('pointsPublication')
      .values({
        id,
        orgId,
        orgPath: org.path,
        period: quarter,
        publishedBy: actor.name,
        publishedAt: now,
        snapshot: JSON.stringify(rows),
      })
      .execute();
    await recordAudit(trx, now, actor, {
      action: 'publish_points',
      entity: 'points_publication',
      entityId: id,
      orgPath: org.path,
      after: { quarter, people: rows.length },
    });
  });
  await refreshAfterWrite(deps, orgId);
  return { period: quarter, publishedAt: now.toISOString(), publishedBy: actor.name, rows };
}
