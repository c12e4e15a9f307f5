import { z } from 'zod';

/** How a requirement is checked (RULES.md §0.2): computed, computed + human confirmation, or scored by an evaluator. */
export const CHECK_MODES = ['AUTO', 'SEMI', 'MANUAL'] as const;
/** One of {@link CHECK_MODES}. */
export type CheckMode = (typeof CHECK_MODES)[number];

/** One rule of RULES.md: its ID, short title (as written there) and the check kinds it states. */
export interface RuleDef {
  readonly id: string;
  readonly title: string;
  /** Check kinds as stated in RULES.md, first = main one; empty when the rule is informational or a setting only. */
  readonly check: readonly CheckMode[];
  /** Why a check kind was inferred rather than stated, or which rule this one points to. */
  readonly note?: string;
}

/** The value type of a setting: a label for messages plus the zod schema a value must satisfy. */
export interface ValueType {
  readonly label: string;
  readonly schema: z.ZodType;
}

/** One entry of the settings registry (RULES.md §11 plus the Params of the rules). */
export interface SettingDef {
  readonly key: string;
  readonly type: ValueType;
  readonly default: unknown;
  readonly sourceRef: string;
  /** RULES.md marks the value UNVERIFIED or as a non-source product default (§10): show "source not verified". */
  readonly unverified: boolean;
  readonly note?: string;
}

const nonNegInt = z.number().int().nonnegative();
const monthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected MM-DD');

/** Value types used by the registry. */
export const T = {
  int: { label: 'non-negative integer', schema: nonNegInt },
  num: { label: 'number', schema: z.number() },
  ratio: { label: 'ratio 0..1', schema: z.number().min(0).max(1) },
  fraction: {
    label: 'ratio 0..1 or "a/b"',
    schema: z.union([z.number().min(0).max(1), z.string().regex(/^\d+\/[1-9]\d*$/)]),
  },
  bool: { label: 'boolean', schema: z.boolean() },
  text: { label: 'string', schema: z.string().min(1) },
  monthDay: { label: 'MM-DD', schema: monthDay },
  date: { label: 'YYYY-MM-DD', schema: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/) },
  intRange: {
    label: '[min, max] integers',
    schema: z.tuple([nonNegInt, nonNegInt]).refine(([a, b]) => a <= b, 'min must not exceed max'),
  },
  intList: { label: 'list of integers', schema: z.array(nonNegInt) },
  intByKey: { label: 'map of integers', schema: z.record(z.string().min(1), nonNegInt) },
} as const satisfies Record<string, ValueType>;

/** A value type that also accepts null ("no source value"). */
export const nullable = (t: ValueType): ValueType => ({
  label: `${t.label} | null`,
  schema: t.schema.nullable(),
});

/** A value type accepting one of the given strings. */
export const oneOf = (...values: [string, ...string[]]): ValueType => ({
  label: values.join(' | '),
  schema: z.enum(values),
});

/** A value type with a custom schema. */
export const shape = (label: string, schema: z.ZodType): ValueType => ({ label, schema });

/** A month-day string schema (MM-DD), for composite settings. */
export const monthDaySchema = monthDay;

/** Builds a registry entry. */
export function setting(
  key: string,
  type: ValueType,
  dflt: unknown,
  sourceRef: string,
  opts: { unverified?: boolean; note?: string } = {},
): SettingDef {
  return { key, type, default: dflt, sourceRef, unverified: opts.unverified ?? false, note: opts.note };
}
