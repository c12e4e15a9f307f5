import { bulkInsert } from '../../db/bulk.ts';
import { quarterEnd } from '../../domain/study/points.ts';
import { DEMO_ORG_CODES } from '../demo/demo-accounts.ts';
import { Rng } from '../demo/rng.ts';
import type { Deps } from '../deps.ts';
import { uuidv7 } from '../infra/ids.ts';

const ITEMS = [
  { code: 'STUDY', name: '参加集中学习', points: 2, capPerMonth: 6, capPerYear: null, needsApproval: false },
  {
    code: 'PLATFORM',
    name: '学习平台学习',
    points: 1,
    capPerMonth: 10,
    capPerYear: 100,
    needsApproval: false,
  },
  { code: 'VOLUNTEER', name: '志愿服务', points: 3, capPerMonth: null, capPerYear: 24, needsApproval: true },
  {
    code: 'PIONEER',
    name: '先锋示范岗表彰',
    points: 5,
    capPerMonth: null,
    capPerYear: 20,
    needsApproval: true,
  },
];

/**
 * Demo points (EDU-007): a catalog at the university 党委, two years of entries for the members of the
 * demo college (文学院) up to `asOf` — a few claims of the last month still pending — and quarterly
 * publications of every ended quarter except the last one of its second branch (so 季公示 shows a gap).
 */
export async function seedDemoPoints(deps: Deps, asOf: string): Promise<void> {
  const rng = new Rng(0x9017);
  const now = deps.clock();
  const root = await deps.db
    .selectFrom('org')
    .select(['id', 'path'])
    .where('code', '=', DEMO_ORG_CODES.root)
    .executeTakeFirst();
  const college = await deps.db
    .selectFrom('org')
    .select(['path'])
    .where('code', '=', DEMO_ORG_CODES.college)
    .executeTakeFirst();
  if (!root || !college) return;
  const items = ITEMS.map((i) => ({ id: uuidv7(), orgId: root.id, orgPath: root.path, ...i }));
  await deps.db.insertInto('pointsItem').values(items).execute();
  const members = await deps.db
    .selectFrom('membership as m')
    .innerJoin('org as o', 'o.id', 'm.orgId')
    .select(['m.personId', 'm.orgId', 'm.orgPath', 'o.code'])
    .where('m.orgPath', 'like', `${college.path}%`)
    .where('m.status', 'in', ['probationary', 'full'])
    .where('m.validTo', 'is', null)
    .orderBy('m.personId')
    .execute();
  const year = Number(asOf.slice(0, 4));
  const rows: Record<string, unknown>[] = [];
  const lastMonth = asOf.slice(0, 7);
  for (const m of members)
    for (let y = year - 1; y <= year; y++)
      for (let month = 1; month <= 12; month++) {
        const ym = `${y}-${String(month).padStart(2, '0')}`;
        if (ym > lastMonth) break;
        for (const item of items) {
          if (!rng.chance(item.needsApproval ? 0.08 : 0.6)) continue;
          const date = `${ym}-${String(rng.int(1, ym === lastMonth ? Math.max(1, Number(asOf.slice(8)) - 1) : 28)).padStart(2, '0')}`;
          const pending = item.needsApproval && ym === lastMonth;
          rows.push({
            id: uuidv7(),
            personId: m.personId,
            itemId: item.id,
            orgId: m.orgId,
            orgPath: m.orgPath,
            earnedOn: date,
            points: item.code === 'PLATFORM' ? rng.int(1, 5) : item.points,
            note: null,
            status: pending ? 'pending' : 'approved',
            decidedBy: pending ? null : '演示数据',
            decidedAt: pending ? null : now,
            recordedBy: '演示数据',
            recordedAt: now,
          });
        }
      }
  await bulkInsert(
    deps.db,
    'points_entry',
    {
      id: 'uuid',
      personId: 'uuid',
      itemId: 'uuid',
      orgId: 'uuid',
      orgPath: 'text',
      earnedOn: 'date',
      points: 'numeric',
      note: 'text',
      status: 'text',
      decidedBy: 'text',
      decidedAt: 'timestamptz',
      recordedBy: 'text',
      recordedAt: 'timestamptz',
    },
    rows,
  );
  const branches = [...new Map(members.map((m) => [m.orgId, m])).values()].sort((a, b) =>
    a.code < b.code ? -1 : 1,
  );
  const pubs: Record<string, unknown>[] = [];
  const ended: string[] = [];
  for (let y = year - 1; y <= year; y++)
    for (let q = 1; q <= 4; q++) if (quarterEnd(`${y}-Q${q}`) < asOf) ended.push(`${y}-Q${q}`);
  branches.forEach((b, i) => {
    for (const period of i === 1 ? ended.slice(0, -1) : ended)
      pubs.push({
        id: uuidv7(),
        orgId: b.orgId,
        orgPath: b.orgPath,
        period,
        publishedBy: '演示数据',
        publishedAt: now,
        snapshot: '[]',
      });
  });
  if (pubs.length)
    await deps.db
      .insertInto('pointsPublication')
      .values(pubs as never)
      .execute();
}
