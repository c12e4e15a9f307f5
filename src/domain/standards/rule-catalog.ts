/**
 * The rule catalog of `shared/domain/RULES.md` as a typed constant: every rule ID with its short title and
 * check kinds, the settings registry (§11 plus the Params of the rules) and the known sources (§0.1).
 */
import { DEV_RULES, DUES_RULES, EDU_RULES } from './catalog/rules-edu-dev-dues.ts';
import { DUTY_RULES, EVAL_RULES } from './catalog/rules-eval-duty.ts';
import { LIFE_RULES, ORG_RULES } from './catalog/rules-org-life.ts';
import { DEV_SETTINGS, DUES_SETTINGS, EDU_SETTINGS, EVAL_DUTY_SETTINGS } from './catalog/settings-other.ts';
import { LIFE_SETTINGS, ORG_SETTINGS } from './catalog/settings-org-life.ts';
import type { RuleDef, SettingDef } from './catalog/types.ts';

/** Catalog types and check modes, defined in catalog/types.ts. */
export {
  CHECK_MODES,
  type CheckMode,
  type RuleDef,
  type SettingDef,
  type ValueType,
} from './catalog/types.ts';

/** Every rule of RULES.md, in document order (§1 ORG, §2 LIFE, §3 EDU, §4 DEV, §5 DUES, §6 EVAL, §8 DUTY). */
export const RULES = [
  ...ORG_RULES,
  ...LIFE_RULES,
  ...EDU_RULES,
  ...DEV_RULES,
  ...DUES_RULES,
  ...EVAL_RULES,
  ...DUTY_RULES,
] as const satisfies readonly RuleDef[];

/** A rule ID of RULES.md, e.g. `LIFE-002`. */
export type RuleId = (typeof RULES)[number]['id'];

/** The rule-ID prefixes (areas) of RULES.md. */
export const RULE_AREAS = ['ORG', 'LIFE', 'EDU', 'DEV', 'DUES', 'EVAL', 'DUTY'] as const;

/** Rules by ID. */
export const RULE_CATALOG: ReadonlyMap<string, RuleDef> = new Map(RULES.map((r) => [r.id, r]));

/** The rule with this ID, or undefined. */
export const findRule = (id: string): RuleDef | undefined => RULE_CATALOG.get(id);

/** True when the rule can be scored from records (its check kinds include AUTO or SEMI). */
export const isCheckable = (rule: RuleDef): boolean =>
  rule.check.includes('AUTO') || rule.check.includes('SEMI');

/** The settings registry (RULES.md §11 and rule Params): key, default, sourceRef, UNVERIFIED flag, value type. */
export const SETTINGS: readonly SettingDef[] = [
  ...ORG_SETTINGS,
  ...LIFE_SETTINGS,
  ...EDU_SETTINGS,
  ...DEV_SETTINGS,
  ...DUES_SETTINGS,
  ...EVAL_DUTY_SETTINGS,
];

/** Settings by key. */
export const SETTINGS_REGISTRY: ReadonlyMap<string, SettingDef> = new Map(SETTINGS.map((s) => [s.key, s]));

/** The registry entry for a settings key, or undefined. */
export const findSetting = (key: string): SettingDef | undefined => SETTINGS_REGISTRY.get(key);

/** The seed documents (RULES.md §0.1): abbreviation → file name in `shared/seeds/`. */
export const SEEDS = {
  S000: '000_d3bfb9d3a87b1ca6.txt',
  S001: '001_7d13ea60a9b16d0f.txt',
  S002: '002_4218fa479c637482.txt',
  S003: '003_2614d6f16cef95e8.txt',
  S004: '004_d4902b7251e75972.txt',
} as const;

/** The real seed file names. */
export const SEED_FILES: readonly string[] = Object.values(SEEDS);

/** Source abbreviations a `sourceRef` may start with (RULES.md §0.1). */
export const SOURCE_ABBREVIATIONS = [
  ...Object.keys(SEEDS),
  'DZ',
  'ZBTL',
  'FZXZ',
  'DFGD',
  'RQYJ',
  'XJTL',
  'JYGH',
  'SZPY',
  'GXTL',
  'JGTL',
] as const;
