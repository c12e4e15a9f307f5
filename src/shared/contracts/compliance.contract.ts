import { z } from 'zod';
import { IsoDate, PageQuery, Uuid, paged } from './common.contract.ts';
import { IndicatorScoring, NodePoints, ScoreTotal } from './scores.contract.ts';
import { CheckModeEnum, PackSourceView } from './standards.contract.ts';

/** Finding severities, worst first. */
export const SEVERITIES = ['violation', 'warn', 'info'] as const;
/** A finding severity. */
export const SeverityEnum = z.enum(SEVERITIES);
/** A finding severity. */
export type SeverityValue = z.infer<typeof SeverityEnum>;

/** Counts by severity. */
export const SeverityCounts = z.object({
  violation: z.number().int(),
  warn: z.number().int(),
  info: z.number().int(),
});
export type SeverityCounts = z.infer<typeof SeverityCounts>;

/** Filters of the findings list and its xlsx export; `asOf` defaults to today (Asia/Shanghai). */
export const FindingsQuery = z.object({
  orgId: Uuid,
  asOf: IsoDate.optional(),
  ruleId: z
    .string()
    .regex(/^[A-Z]+-\d{3}$/, '规则编号格式应为 ORG-015')
    .optional(),
  severity: SeverityEnum.optional(),
  period: z.string().trim().min(4).max(10).optional(),
});
export type FindingsQuery = z.infer<typeof FindingsQuery>;
/** The findings filters plus paging. */
export const FindingsPageQuery = FindingsQuery.extend(PageQuery.shape);
export type FindingsPageQuery = z.infer<typeof FindingsPageQuery>;

/** A parameter of the check as the org's active pack resolves it (the "why" of a finding). */
export const WhyParam = z.object({
  key: z.string(),
  value: z.unknown(),
  sourceRef: z.string(),
  unverified: z.boolean(),
  /** The pack that set the value; null = the settings registry default. */
  definedIn: z.string().nullable(),
});
export type WhyParam = z.infer<typeof WhyParam>;

/** One finding with its org, person and "why". */
export const FindingView = z.object({
  ruleId: z.string(),
  ruleTitle: z.string(),
  checkId: z.string(),
  orgId: z.string(),
  orgCode: z.string(),
  orgName: z.string(),
  personId: z.string().nullable(),
  personName: z.string().nullable(),
  period: z.string(),
  severity: SeverityEnum,
  message: z.string(),
  sourceRef: z.string(),
  why: z.object({
    packId: z.string(),
    packTitle: z.string(),
    params: z.array(WhyParam),
    evidence: z.record(z.string(), z.unknown()),
  }),
});
export type FindingView = z.infer<typeof FindingView>;

/** Findings of a rule, by severity. */
export const RuleTotal = SeverityCounts.extend({
  ruleId: z.string(),
  title: z.string(),
  total: z.number().int(),
});
export type RuleTotal = z.infer<typeof RuleTotal>;

/** GET /api/compliance/findings — totals are over the subtree before the rule/severity/period filters. */
export const FindingsResponse = paged(FindingView).extend({
  asOf: z.string(),
  totalsByRule: z.array(RuleTotal),
  totalsBySeverity: SeverityCounts,
});
export type FindingsResponse = z.infer<typeof FindingsResponse>;

/** `?asOf=YYYY-MM-DD` (default: today in Asia/Shanghai). */
export const AsOfQuery = z.object({ asOf: IsoDate.optional() });

/** Statuses of a scorecard indicator. */
export const INDICATOR_STATUSES = ['met', 'not_met', 'warn', 'due', 'not_automated', 'manual'] as const;
/** Status of a scorecard indicator. */
export const IndicatorStatus = z.enum(INDICATOR_STATUSES);
export type IndicatorStatus = z.infer<typeof IndicatorStatus>;

/** A finding behind an indicator (short form). */
export const FindingBrief = z.object({
  ruleId: z.string(),
  severity: SeverityEnum,
  period: z.string(),
  message: z.string(),
  sourceRef: z.string(),
  personId: z.string().nullable(),
  personName: z.string().nullable(),
});
export type FindingBrief = z.infer<typeof FindingBrief>;

/** An indicator of the scorecard with its status (groups: the worst status below, and leaf counts). */
export interface ScoreNode {
  id: string;
  label: string;
  sourceRef: string;
  citation: string;
  requirement?: string;
  mode?: z.infer<typeof CheckModeEnum>;
  rules: string[];
  /** Rules of this indicator no check implements yet. */
  unimplementedRules: string[];
  confirm?: string;
  unverified: boolean;
  status: IndicatorStatus | null;
  counts?: Partial<Record<IndicatorStatus, number>>;
  findings: FindingBrief[];
  /** MANUAL/SEMI leaves: the pack's range, the 自评/考评 entries and what the caller may do. */
  scoring?: IndicatorScoring;
  /** Points on a 100-point scale (see scores.contract.ts). */
  points?: NodePoints;
  children?: ScoreNode[];
}

/** Schema of {@link ScoreNode} (recursive). */
export const ScoreNodeSchema: z.ZodType<ScoreNode> = z.object({
  id: z.string(),
  label: z.string(),
  sourceRef: z.string(),
  citation: z.string(),
  requirement: z.string().optional(),
  mode: CheckModeEnum.optional(),
  rules: z.array(z.string()),
  unimplementedRules: z.array(z.string()),
  confirm: z.string().optional(),
  unverified: z.boolean(),
  status: IndicatorStatus.nullable(),
  counts: z.partialRecord(IndicatorStatus, z.number().int()).optional(),
  findings: z.array(FindingBrief),
  scoring: IndicatorScoring.optional(),
  points: NodePoints.optional(),
  get children() {
    return z.array(ScoreNodeSchema).optional();
  },
});

/** GET /api/compliance/scorecard/:orgId — the org's active pack with a status per indicator. */
export const ScorecardResponse = z.object({
  asOf: z.string(),
  org: z.object({ id: z.string(), code: z.string(), name: z.string(), kind: z.string() }),
  pack: z.object({
    id: z.string(),
    title: z.string(),
    source: PackSourceView,
    /** The org whose pack setting applies (itself or an ancestor); null = the national default. */
    setBy: z.object({ orgId: z.string(), orgName: z.string() }).nullable(),
  }),
  sections: z.array(
    z.object({
      packId: z.string(),
      packTitle: z.string(),
      own: z.boolean(),
      indicators: z.array(ScoreNodeSchema),
      points: NodePoints.optional(),
    }),
  ),
  veto: z.array(ScoreNodeSchema),
  summary: z.partialRecord(IndicatorStatus, z.number().int()),
  /** The evaluation year of the human scores (the year of asOf). */
  period: z.string().optional(),
  total: ScoreTotal.optional(),
});
export type ScorecardResponse = z.infer<typeof ScorecardResponse>;

/** Dashboard filters: subtree, date, month or quarter columns, how many (≤ 12). */
export const DashboardQuery = z.object({
  orgId: Uuid,
  asOf: IsoDate.optional(),
  granularity: z.enum(['month', 'quarter']).default('quarter'),
  periods: z.coerce.number().int().min(1).max(12, '最多 12 个周期').default(4),
});
export type DashboardQuery = z.infer<typeof DashboardQuery>;

/** GET /api/compliance/dashboard — heat map rows (branches) × columns (period ends). */
export const DashboardResponse = z.object({
  asOf: z.string(),
  granularity: z.enum(['month', 'quarter']),
  /** Columns, oldest first; the last one is evaluated at asOf when asOf is inside it. */
  periods: z.array(z.object({ label: z.string(), end: z.string() })),
  rows: z.array(
    z.object({
      orgId: z.string(),
      code: z.string(),
      name: z.string(),
      cells: z.array(SeverityCounts),
    }),
  ),
  /** Branches in the subtree; rows are capped, worst first. */
  totalRows: z.number().int(),
  truncated: z.boolean(),
  /** By rule, at the last column. */
  totalsByRule: z.array(RuleTotal),
  trend: z.array(z.object({ label: z.string(), violation: z.number().int(), warn: z.number().int() })),
});
export type DashboardResponse = z.infer<typeof DashboardResponse>;
