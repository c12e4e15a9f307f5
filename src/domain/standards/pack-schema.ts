/**
 * Zod schema of a standard pack file (`standards/<pack-id>/pack.yaml`) and the types of loaded packs.
 * The schema checks shape and types; cross-field and cross-pack rules live in pack-checks.ts / pack-loader.ts.
 */
import { z } from 'zod';
import { CHECK_MODES, type CheckMode } from './rule-catalog.ts';

/** The pack every other pack extends, directly or not. */
export const ROOT_PACK_ID = 'national-baseline';

/** Evidence kinds a MANUAL or SEMI indicator asks for. */
export const EVIDENCE_TYPES = [
  'document',
  'photo',
  'meeting_record',
  'study_record',
  'survey',
  'ledger',
  'inventory',
  'report',
  'ranking',
  'case_record',
  'visit_record',
  'appraisal',
] as const;

/** Org categories (DESIGN.md data model) usable in `appliesTo.categories`. */
export const ORG_CATEGORIES = ['机关', '教师', '学生', '离退休', '企业', '社区', '其他'] as const;

const text = z.string().trim().min(1, '不能为空');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '应为 YYYY-MM-DD');

/** Where a pack comes from. */
export const SourceSchema = z
  .object({
    document: text,
    issuer: text,
    number: text.optional(),
    date: isoDate.optional(),
    seed: text.optional(),
    related: z
      .array(
        z.object({ abbr: text, document: text, number: text.optional(), date: isoDate.optional() }).strict(),
      )
      .optional(),
  })
  .strict();

/** A parameter value set by a pack; `unverified` defaults from the settings registry. */
export const ParameterSchema = z
  .object({
    value: z.unknown(),
    sourceRef: text,
    unverified: z.boolean().optional(),
    description: text.optional(),
    note: text.optional(),
  })
  .strict();

const indicatorFields = {
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9.-]*$/, '只能包含字母、数字、点和连字符'),
  label: text,
  sourceRef: text,
  requirement: text.optional(),
  mode: z.enum(CHECK_MODES).optional(),
  rules: z.array(z.string()).optional(),
  related: z.array(z.string()).optional(),
  confirm: text.optional(),
  score: z
    .object({ min: z.number(), max: z.number() })
    .strict()
    .refine((s) => s.min < s.max, 'score.min 必须小于 score.max')
    .optional(),
  evidence: z.array(z.enum(EVIDENCE_TYPES)).optional(),
  weight: z.number().positive().optional(),
  unverified: z.boolean().optional(),
  note: text.optional(),
};

/** An indicator node: a group (with `children`) or a leaf (with `mode`). Any depth. */
export interface Indicator {
  id: string;
  label: string;
  sourceRef: string;
  requirement?: string;
  mode?: CheckMode;
  rules?: string[];
  related?: string[];
  confirm?: string;
  score?: { min: number; max: number };
  evidence?: (typeof EVIDENCE_TYPES)[number][];
  weight?: number;
  unverified?: boolean;
  note?: string;
  children?: Indicator[];
}

/** Schema of an indicator node (recursive). */
export const IndicatorSchema: z.ZodType<Indicator> = z
  .object({
    ...indicatorFields,
    get children() {
      return z.array(IndicatorSchema).optional();
    },
  })
  .strict();

/** A one-vote veto condition (一票否决). */
export const VetoSchema = z
  .object({
    id: indicatorFields.id,
    label: text,
    sourceRef: text,
    mode: z.enum(CHECK_MODES).optional(),
    rules: z.array(z.string()).optional(),
    note: text.optional(),
  })
  .strict();

/** The whole pack file. */
export const PackSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, '应为小写字母、数字和连字符（kebab-case）'),
    title: text,
    source: SourceSchema,
    extends: text.optional(),
    appliesTo: z
      .object({
        categories: z.array(z.enum(ORG_CATEGORIES)).optional(),
        from: isoDate.optional(),
        to: isoDate.optional(),
      })
      .strict()
      .optional(),
    notes: text.optional(),
    parameters: z.record(z.string(), ParameterSchema).optional(),
    indicators: z.array(IndicatorSchema).min(1, '至少需要一个指标'),
    veto: z.array(VetoSchema).optional(),
  })
  .strict();

/** A pack as written in its file (after schema validation). */
export type Pack = z.infer<typeof PackSchema>;
/** A one-vote veto item. */
export type VetoItem = z.infer<typeof VetoSchema>;
/** A parameter as written in a pack. */
export type PackParameter = z.infer<typeof ParameterSchema>;

/** One problem found while loading packs; `path` like `indicators[2].children[0].rules[1]`. */
export interface PackError {
  pack: string;
  path: string;
  message: string;
  /** Stable machine code, e.g. `unknown_rule`, `duplicate_id`, `yaml_syntax`. */
  code: PackErrorCode;
  /** 1-based line in the pack file, when known. */
  line?: number;
}

/** Codes of {@link PackError}. */
export type PackErrorCode =
  | 'io'
  | 'yaml_syntax'
  | 'schema'
  | 'id_mismatch'
  | 'unknown_seed'
  | 'source_ref'
  | 'duplicate_id'
  | 'unknown_rule'
  | 'rule_not_checkable'
  | 'mode_requirement'
  | 'tree_shape'
  | 'unknown_parameter'
  | 'parameter_type'
  | 'unknown_extends'
  | 'extends_cycle'
  | 'extends_required'
  | 'parent_invalid';

/** A parameter after resolution along the `extends` chain. */
export interface ResolvedParameter {
  key: string;
  value: unknown;
  sourceRef: string;
  unverified: boolean;
  /** The pack that set this value. */
  definedIn: string;
  description?: string;
  note?: string;
  /** Values of ancestor packs this one overrides, nearest first. */
  overrides: { packId: string; value: unknown; sourceRef: string }[];
}

/** A pack with `extends` resolved: inherited parameters and the ancestors' rule-based indicator trees. */
export interface ResolvedPack {
  id: string;
  title: string;
  source: Pack['source'];
  appliesTo?: Pack['appliesTo'];
  notes?: string;
  extends: string | null;
  /** This pack, then its parent, … up to the root. */
  chain: string[];
  parameters: Record<string, ResolvedParameter>;
  /** This pack's own indicator tree. */
  indicators: Indicator[];
  /** Inherited indicator trees (the parent's rule-based baseline), nearest ancestor first. */
  baseline: { packId: string; indicators: Indicator[] }[];
  veto: VetoItem[];
  /** Every rule ID scored by this pack's own tree, its veto list and its baseline, sorted. */
  ruleIds: string[];
}
