/**
 * Human scoring of MANUAL/SEMI indicators (自评 by the branch, 考评 by an evaluator above it) with evidence,
 * and the point totals of the scorecard.
 */
import { z } from 'zod';
import { Uuid } from './common.contract.ts';

/** What an evidence item points at: a meeting record or person of the org's subtree, or a document/link/note. */
export const EVIDENCE_REF_TYPES = ['meeting', 'person', 'document', 'link', 'note'] as const;
export type EvidenceRefType = (typeof EVIDENCE_REF_TYPES)[number];

/** Chinese names of the pack evidence types (`evidence:` of an indicator in pack.yaml). */
export const EVIDENCE_KIND_LABELS: Record<string, string> = {
  document: '文件资料',
  photo: '照片',
  meeting_record: '会议记录',
  study_record: '学习记录',
  survey: '测评问卷',
  ledger: '台账',
  inventory: '清单',
  report: '报告',
  ranking: '排名',
  case_record: '案例记录',
  visit_record: '走访记录',
  appraisal: '考核评价',
};

/** 自评 (the branch itself) or 考评 (an evaluator above the branch; the score that counts). */
export const SCORE_KINDS = ['self', 'final'] as const;
export const ScoreKind = z.enum(SCORE_KINDS);
export type ScoreKind = z.infer<typeof ScoreKind>;

/** An evaluation period: a year. */
export const ScorePeriod = z.string().regex(/^\d{4}$/, '评分周期应为年份，如 2026');

/** One evidence item as sent by the client; meeting/person titles are filled in by the server. */
export const EvidenceInput = z
  .object({
    type: z.enum(EVIDENCE_REF_TYPES, { message: '证据来源应为会议记录、人员、文件、链接或说明' }),
    /** The pack evidence type this item serves as (must be one the indicator asks for). */
    kind: z.string().max(40).nullable().default(null),
    ref: Uuid.nullable().default(null),
    title: z.string().trim().max(200).default(''),
    url: z.string().trim().url('链接格式无效').max(500).nullable().default(null),
  })
  .superRefine((e, ctx) => {
    if ((e.type === 'meeting' || e.type === 'person') && !e.ref)
      ctx.addIssue({ code: 'custom', path: ['ref'], message: '请选择会议记录或人员' });
    if (e.type === 'link' && !e.url)
      ctx.addIssue({ code: 'custom', path: ['url'], message: '请填写链接地址' });
    if ((e.type === 'document' || e.type === 'note' || e.type === 'link') && !e.title)
      ctx.addIssue({ code: 'custom', path: ['title'], message: '请填写证据名称或说明' });
  });
export type EvidenceInput = z.input<typeof EvidenceInput>;

/** PUT /api/orgs/:id/indicators/:indicatorId/score — `version` 0 creates the entry. */
export const ScoreBody = z.object({
  kind: ScoreKind,
  period: ScorePeriod,
  score: z.number().finite().nullable().default(null),
  confirmed: z.boolean().nullable().default(null),
  comment: z.string().trim().max(2000).nullable().default(null),
  evidence: z.array(EvidenceInput).max(30, '证据最多 30 项').default([]),
  version: z.number().int().min(0),
});
export type ScoreBody = z.input<typeof ScoreBody>;

export const ScoreParams = z.object({
  id: Uuid,
  indicatorId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9.-]*$/, '指标编号格式无效'),
});

/** A stored evidence item. */
export const EvidenceView = z.object({
  type: z.enum(EVIDENCE_REF_TYPES),
  kind: z.string().nullable(),
  ref: z.string().nullable(),
  title: z.string(),
  url: z.string().nullable(),
});
export type EvidenceView = z.infer<typeof EvidenceView>;

/** The current 自评 or 考评 of an indicator. */
export const ScoreEntry = z.object({
  kind: ScoreKind,
  score: z.number().nullable(),
  confirmed: z.boolean().nullable(),
  comment: z.string().nullable(),
  evidence: z.array(EvidenceView),
  scoredBy: z.string(),
  scoredAt: z.string(),
  version: z.number().int(),
});
export type ScoreEntry = z.infer<typeof ScoreEntry>;

/** Scoring state of a MANUAL/SEMI leaf on the scorecard. */
export const IndicatorScoring = z.object({
  packId: z.string(),
  period: z.string(),
  /** The pack's score range; null = judged 达标/不达标 (confirmed) without points. */
  range: z.object({ min: z.number(), max: z.number() }).nullable(),
  /** A veto item: `confirmed` = the veto condition exists (一票否决). */
  veto: z.boolean(),
  evidenceTypes: z.array(z.string()),
  self: ScoreEntry.nullable(),
  final: ScoreEntry.nullable(),
  canSelf: z.boolean(),
  canFinal: z.boolean(),
});
export type IndicatorScoring = z.infer<typeof IndicatorScoring>;

/**
 * Points of a node on a 100-point scale (weighted mean of its scored children). Leaves waiting for a
 * human score (待评分) and rules no check implements yet are left out of the mean and counted here.
 */
export const NodePoints = z.object({
  value: z.number().nullable(),
  pending: z.number().int(),
  excluded: z.number().int(),
  /** Weighted share of the node that is scored, 0–1. */
  coverage: z.number(),
});
export type NodePoints = z.infer<typeof NodePoints>;

/** The scorecard total: the org's own pack tree, and the veto conditions met. */
export const ScoreTotal = NodePoints.extend({
  vetoed: z.boolean(),
  vetoIds: z.array(z.string()),
});
export type ScoreTotal = z.infer<typeof ScoreTotal>;

/** PUT response: the saved entry. */
export const ScoreResponse = ScoreEntry.extend({
  orgId: z.string(),
  indicatorId: z.string(),
  packId: z.string(),
  period: z.string(),
});
export type ScoreResponse = z.infer<typeof ScoreResponse>;
