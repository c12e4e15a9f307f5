import { z } from 'zod';

/** The pack id in a URL (kebab-case). */
export const PackIdParams = z.object({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, '标准包编号格式无效'),
});

/** How an indicator is scored (RULES.md §0.2). */
export const CheckModeEnum = z.enum(['AUTO', 'SEMI', 'MANUAL']);
export type CheckModeValue = z.infer<typeof CheckModeEnum>;

/** Where a pack comes from: the document, its issuer, number, date and seed file. */
export const PackSourceView = z.object({
  document: z.string(),
  issuer: z.string(),
  number: z.string().optional(),
  date: z.string().optional(),
  seed: z.string().optional(),
  related: z
    .array(
      z.object({
        abbr: z.string(),
        document: z.string(),
        number: z.string().optional(),
        date: z.string().optional(),
      }),
    )
    .optional(),
});
export type PackSourceView = z.infer<typeof PackSourceView>;

/** One row of GET /api/standards/packs. */
export const PackListItem = z.object({
  id: z.string(),
  title: z.string(),
  source: PackSourceView,
  extends: z.string().nullable(),
  indicators: z.object({
    AUTO: z.number().int(),
    SEMI: z.number().int(),
    MANUAL: z.number().int(),
    total: z.number().int(),
  }),
  veto: z.number().int(),
  parameters: z.number().int(),
});
export type PackListItem = z.infer<typeof PackListItem>;

export const PackListResponse = z.object({ items: z.array(PackListItem) });
export type PackListResponse = z.infer<typeof PackListResponse>;

/** An indicator node of a pack's tree, as written in the pack (any depth). */
export interface IndicatorDoc {
  id: string;
  label: string;
  sourceRef: string;
  /** The source reference spelled out (document titles, chapters). */
  citation: string;
  requirement?: string;
  mode?: CheckModeValue;
  rules?: string[];
  confirm?: string;
  score?: { min: number; max: number };
  evidence?: string[];
  weight?: number;
  unverified?: boolean;
  note?: string;
  children?: IndicatorDoc[];
}

/** Schema of {@link IndicatorDoc} (recursive). */
export const IndicatorDocSchema: z.ZodType<IndicatorDoc> = z.object({
  id: z.string(),
  label: z.string(),
  sourceRef: z.string(),
  citation: z.string(),
  requirement: z.string().optional(),
  mode: CheckModeEnum.optional(),
  rules: z.array(z.string()).optional(),
  confirm: z.string().optional(),
  score: z.object({ min: z.number(), max: z.number() }).optional(),
  evidence: z.array(z.string()).optional(),
  weight: z.number().optional(),
  unverified: z.boolean().optional(),
  note: z.string().optional(),
  get children() {
    return z.array(IndicatorDocSchema).optional();
  },
});

/** A parameter as the pack resolves it, with the values it overrides (child value vs baseline value). */
export const ParameterDoc = z.object({
  key: z.string(),
  value: z.unknown(),
  sourceRef: z.string(),
  unverified: z.boolean(),
  definedIn: z.string(),
  description: z.string().optional(),
  note: z.string().optional(),
  overrides: z.array(z.object({ packId: z.string(), value: z.unknown(), sourceRef: z.string() })),
});
export type ParameterDoc = z.infer<typeof ParameterDoc>;

/** A one-vote veto item (一票否决). */
export const VetoDoc = z.object({
  id: z.string(),
  label: z.string(),
  sourceRef: z.string(),
  citation: z.string(),
  mode: CheckModeEnum.optional(),
  rules: z.array(z.string()).optional(),
  note: z.string().optional(),
});
export type VetoDoc = z.infer<typeof VetoDoc>;

/** A rule the pack scores: its title and whether a check implements it yet. */
export const PackRuleView = z.object({ id: z.string(), title: z.string(), implemented: z.boolean() });

/** GET /api/standards/packs/:id — the resolved pack, readable as the document it came from. */
export const PackDocResponse = z.object({
  id: z.string(),
  title: z.string(),
  source: PackSourceView,
  extends: z.string().nullable(),
  chain: z.array(z.string()),
  appliesTo: z
    .object({
      categories: z.array(z.string()).optional(),
      from: z.string().optional(),
      to: z.string().optional(),
    })
    .optional(),
  notes: z.string().optional(),
  indicators: z.array(IndicatorDocSchema),
  baseline: z.array(
    z.object({ packId: z.string(), packTitle: z.string(), indicators: z.array(IndicatorDocSchema) }),
  ),
  parameters: z.array(ParameterDoc),
  veto: z.array(VetoDoc),
  rules: z.array(PackRuleView),
});
export type PackDocResponse = z.infer<typeof PackDocResponse>;
