/**
 * Human scores of MANUAL/SEMI indicators (docs/decisions.md "Indicator scoring"): the branch records a
 * 自评 (kind 'self') with its evidence, an evaluator above the branch records the 考评 (kind 'final') that
 * counts in the scorecard total. Validated against the pack (score range, evidence types); evidence
 * records must belong to the org's subtree; optimistic concurrency; every change audited before/after.
 */
import type { Selectable } from 'kysely';
import type { IndicatorEvidence, IndicatorScoreTable, OrgTable } from '../../db/schema.ts';
import { type Scope, canWritePath } from '../../domain/auth/scope.ts';
import { AppError, forbidden, notFound, validationError } from '../../domain/errors.ts';
import { type Indicator, ROOT_PACK_ID, type ResolvedPack } from '../../domain/standards/pack-schema.ts';
import { walkIndicators } from '../../domain/standards/pack-tree.ts';
import {
  EVIDENCE_KIND_LABELS,
  type ScoreBody,
  type ScoreEntry,
  type ScoreKind,
  type ScoreResponse,
  ScoreBody as ScoreBodySchema,
} from '../../shared/contracts/scores.contract.ts';
import { MEETING_TAG_LABEL, type MeetingTag } from '../../shared/enums.ts';
import { recordAudit } from '../audit.service.ts';
import { ancestorPacks } from './active-pack.ts';
import type { Actor, Deps, Tx } from '../deps.ts';
import { uuidv7 } from '../infra/ids.ts';
import { checkVersion, orgForRead } from '../scope-guard.ts';
import { standardPacks } from './evaluate.ts';

type Org = Selectable<OrgTable>;
type Row = Selectable<IndicatorScoreTable>;

/** The id of the pack active at an org: its own, else its nearest ancestor's, else the national baseline. */
export async function activePackOf(deps: Deps, org: { path: string }): Promise<string> {
  const set = [...(await ancestorPacks(deps.db, org.path)).entries()];
  return set.sort((a, b) => b[0].length - a[0].length)[0]?.[1] ?? ROOT_PACK_ID;
}

/** May record the 自评 of the org: anyone who may write its records (its officers, evaluators above). */
export const canSelfScore = (scope: Scope, path: string) => canWritePath(scope, path);
/** May record the 考评: admin, or a writer whose subtree root lies strictly above the org. */
export const canFinalScore = (scope: Scope, path: string) =>
  scope.admin || scope.write.some((r) => path.startsWith(r) && r !== path);

/**
 * The scorable leaf `indicatorId` of the active pack (own tree, then baselines, then the veto list — a veto
 * item is "scored" by declaring whether the condition exists), with its pack id.
 */
export function findScorable(
  pack: ResolvedPack,
  indicatorId: string,
): { packId: string; indicator: Indicator; veto: boolean } | undefined {
  const trees = [
    { packId: pack.id, nodes: pack.indicators },
    ...pack.baseline.map((b) => ({ packId: b.packId, nodes: b.indicators })),
  ];
  for (const t of trees)
    for (const v of walkIndicators(t.nodes))
      if (v.indicator.id === indicatorId && !v.indicator.children)
        return { packId: t.packId, indicator: v.indicator, veto: false };
  const v = pack.veto.find((x) => x.id === indicatorId);
  if (v) return { packId: pack.id, indicator: { ...v, mode: v.mode ?? 'MANUAL' }, veto: true };
  return undefined;
}

/** Stored row → API entry. */
export const toEntry = (r: Row): ScoreEntry => ({
  kind: r.kind as ScoreKind,
  score: r.score === null ? null : Number(r.score),
  confirmed: r.confirmed,
  comment: r.comment,
  evidence: r.evidence,
  scoredBy: r.scoredBy,
  scoredAt: new Date(r.scoredAt).toISOString(),
  version: r.version,
});

const fmtNum = (n: number) => String(n);

/** Checks score/confirmation against the indicator; throws a validation error naming the field. */
function checkValues(
  ind: Indicator,
  veto: boolean,
  kind: ScoreKind,
  body: ReturnType<typeof ScoreBodySchema.parse>,
) {
  const range = ind.score;
  const bad = (path: string, message: string) => {
    throw validationError(message, [{ path, message }]);
  };
  if (veto) {
    if (body.score !== null) bad('score', `否决项 ${ind.id} 不计分，请确认是否存在该否决情形`);
    if (kind === 'final' && body.confirmed === null) bad('confirmed', '请确认是否存在该否决情形');
    return;
  }
  if (range) {
    if (body.score === null) {
      if (ind.mode === 'MANUAL') bad('score', '请填写得分');
    } else if (body.score < range.min || body.score > range.max)
      bad('score', `得分应在 ${fmtNum(range.min)}–${fmtNum(range.max)} 之间`);
  } else if (body.score !== null) bad('score', `指标 ${ind.id} 没有分值范围，不能填写得分，请选择是否达标`);
  if (!range && kind === 'final' && body.confirmed === null)
    bad('confirmed', ind.mode === 'SEMI' ? '请确认是否达到要求' : '请选择是否达标');
}

/** Resolves evidence: kinds against the pack, meeting/person references inside the org's subtree. */
async function resolveEvidence(
  db: Tx,
  org: Org,
  ind: Indicator,
  items: ReturnType<typeof ScoreBodySchema.parse>['evidence'],
): Promise<IndicatorEvidence[]> {
  const allowed = ind.evidence ?? [];
  const out: IndicatorEvidence[] = [];
  for (const [i, e] of items.entries()) {
    const at = `evidence.${i}`;
    let kind = e.kind;
    if (kind === null && e.type === 'meeting' && allowed.includes('meeting_record')) kind = 'meeting_record';
    if (kind !== null && !(allowed as string[]).includes(kind)) {
      const names = allowed.map((k) => EVIDENCE_KIND_LABELS[k] ?? k).join('、') || '（该指标未规定证据类型）';
      throw validationError(`证据第 ${i + 1} 项的类型应为：${names}`, [
        { path: `${at}.kind`, message: `证据类型应为：${names}` },
      ]);
    }
    let title = e.title;
    if (e.type === 'meeting') {
      const m = await db
        .selectFrom('meeting')
        .select(['orgPath', 'heldOn', 'topic', 'tags'])
        .where('id', '=', e.ref!)
        .executeTakeFirst();
      if (!m?.orgPath.startsWith(org.path))
        throw new AppError(
          'validation',
          'evidence_outside_subtree',
          `证据第 ${i + 1} 项：会议记录不属于${org.name}`,
          [{ path: `${at}.ref`, message: '会议记录不属于本组织' }],
        );
      title = `${m.heldOn} ${m.topic ?? m.tags.map((t) => MEETING_TAG_LABEL[t as MeetingTag] ?? t).join('、')}`;
    } else if (e.type === 'person') {
      const p = await db
        .selectFrom('membership as ms')
        .innerJoin('person as p', 'p.id', 'ms.personId')
        .select('p.name')
        .where('ms.personId', '=', e.ref!)
        .where('ms.orgPath', 'like', `${org.path}%`)
        .executeTakeFirst();
      if (!p)
        throw new AppError(
          'validation',
          'evidence_outside_subtree',
          `证据第 ${i + 1} 项：该人员不是${org.name}的党员`,
          [{ path: `${at}.ref`, message: '人员不属于本组织' }],
        );
      title = p.name;
    }
    out.push({
      type: e.type,
      kind,
      ref: e.type === 'meeting' || e.type === 'person' ? e.ref : null,
      title,
      url: e.url,
    });
  }
  return out;
}

/** PUT /api/orgs/:id/indicators/:indicatorId/score — records the 自评 or 考评 of a MANUAL/SEMI indicator. */
export async function saveIndicatorScore(
  deps: Deps,
  scope: Scope,
  actor: Actor,
  orgId: string,
  indicatorId: string,
  input: ScoreBody,
): Promise<ScoreResponse> {
  const body = ScoreBodySchema.parse(input);
  const org = await orgForRead(deps.db, scope, orgId);
  if (body.kind === 'final' && !canFinalScore(scope, org.path))
    throw forbidden('考评须由上级组织（上级组织管理员或工作人员）评定，本支部只能自评');
  if (body.kind === 'self' && !canSelfScore(scope, org.path)) throw forbidden('无权为该组织填写自评');
  const packs = await standardPacks();
  const pack = packs.get(await activePackOf(deps, org)) ?? packs.get(ROOT_PACK_ID)!;
  const found = findScorable(pack, indicatorId);
  if (!found) throw notFound(`指标 ${indicatorId}`, 'indicator_not_found');
  const { indicator: ind, packId, veto } = found;
  if (ind.mode !== 'MANUAL' && ind.mode !== 'SEMI')
    throw new AppError('rule', 'indicator_automatic', `指标 ${ind.id} 由系统自动检查，无需人工评分`);
  checkValues(ind, veto, body.kind, body);

  return deps.db.transaction().execute(async (trx) => {
    const evidence = await resolveEvidence(trx, org, ind, body.evidence);
    const before = await trx
      .selectFrom('indicatorScore')
      .selectAll()
      .where('orgId', '=', org.id)
      .where('packId', '=', packId)
      .where('indicatorId', '=', ind.id)
      .where('period', '=', body.period)
      .where('kind', '=', body.kind)
      .forUpdate()
      .executeTakeFirst();
    checkVersion(before?.version ?? 0, body.version);
    const values = {
      score: body.score,
      confirmed: body.confirmed,
      comment: body.comment || null,
      evidence: JSON.stringify(evidence),
      scoredBy: actor.name,
      scoredAt: deps.clock(),
    };
    let row: Row | undefined;
    if (before) {
      row = await trx
        .updateTable('indicatorScore')
        .set({ ...values, version: before.version + 1 })
        .where('id', '=', before.id)
        .where('version', '=', before.version)
        .returningAll()
        .executeTakeFirst();
    } else {
      row = await trx
        .insertInto('indicatorScore')
        .values({
          id: uuidv7(),
          orgId: org.id,
          orgPath: org.path,
          packId,
          indicatorId: ind.id,
          period: body.period,
          kind: body.kind,
          ...values,
        })
        .onConflict((oc) => oc.columns(['orgId', 'packId', 'indicatorId', 'period', 'kind']).doNothing())
        .returningAll()
        .executeTakeFirst();
    }
    if (!row) checkVersion(-1, body.version);
    const saved = row as Row;
    await recordAudit(trx, deps.clock(), actor, {
      action: body.kind === 'final' ? 'score_indicator_final' : 'score_indicator_self',
      entity: 'indicator_score',
      entityId: saved.id,
      orgPath: org.path,
      before: before ? toEntry(before) : null,
      after: { indicatorId: ind.id, packId, period: body.period, ...toEntry(saved) },
    });
    return { orgId: org.id, indicatorId: ind.id, packId, period: body.period, ...toEntry(saved) };
  });
}

/** The current scores of an org for a period, by `packId:indicatorId`. */
export async function loadScores(
  db: Tx,
  orgId: string,
  period: string,
): Promise<Map<string, { self: ScoreEntry | null; final: ScoreEntry | null }>> {
  const rows = await db
    .selectFrom('indicatorScore')
    .selectAll()
    .where('orgId', '=', orgId)
    .where('period', '=', period)
    .execute();
  const out = new Map<string, { self: ScoreEntry | null; final: ScoreEntry | null }>();
  for (const r of rows) {
    const k = `${r.packId}:${r.indicatorId}`;
    const cur = out.get(k) ?? { self: null, final: null };
    cur[r.kind as ScoreKind] = toEntry(r);
    out.set(k, cur);
  }
  return out;
}
