/**
 * Semantic checks of one pack, run on the raw YAML data (so they still report when the schema also fails):
 * ids, modes and their requirements, rule IDs, parameter keys and value types, seeds and source references.
 */
import { ROOT_PACK_ID, type PackErrorCode } from './pack-schema.ts';
import {
  findRule,
  findSetting,
  isCheckable,
  SEED_FILES,
  SEEDS,
  SOURCE_ABBREVIATIONS,
} from './rule-catalog.ts';

/** A path into the pack data: object keys and array indexes. */
export type Segments = (string | number)[];

/** A problem found in one pack, before its path is formatted and its line looked up. */
export interface RawIssue {
  segs: Segments;
  message: string;
  code: PackErrorCode;
}

/** What the loader needs to know about the other packs while checking one. */
export interface CheckContext {
  /** The pack's key (its directory name). */
  key: string;
  /** Keys of all packs being loaded. */
  packIds: ReadonlySet<string>;
  seedFiles?: readonly string[];
}

/** Result of {@link checkPack}. */
export interface CheckResult {
  issues: RawIssue[];
  /** Indicator and veto ids of this pack with where they are. */
  ids: Map<string, Segments>;
  /** Parameter keys that are neither in the registry nor declared here (an ancestor may declare them). */
  undeclaredParams: string[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);
const LEAF_FIELDS = ['mode', 'rules', 'confirm', 'score', 'evidence'] as const;
const SEED_ABBR = new Map<string, string>(Object.entries(SEEDS).map(([abbr, file]) => [file, abbr]));

/** Checks one pack's raw data; never throws on malformed input. */
export function checkPack(raw: unknown, ctx: CheckContext): CheckResult {
  const issues: RawIssue[] = [];
  const ids = new Map<string, Segments>();
  const undeclaredParams: string[] = [];
  const add = (segs: Segments, code: PackErrorCode, message: string) => issues.push({ segs, code, message });
  if (!isObj(raw)) return { issues, ids, undeclaredParams };

  const id = str(raw.id);
  if (id !== undefined && id !== ctx.key)
    add(['id'], 'id_mismatch', `id "${id}" 与目录名 "${ctx.key}" 不一致`);

  const source = isObj(raw.source) ? raw.source : undefined;
  const seed = str(source?.seed);
  const seeds = ctx.seedFiles ?? SEED_FILES;
  if (seed !== undefined && !seeds.includes(seed)) {
    add(['source', 'seed'], 'unknown_seed', `种子文件 "${seed}" 不存在（已知：${seeds.join(', ')}）`);
  }
  const ownSeed = seed === undefined ? undefined : SEED_ABBR.get(seed);

  const ext = raw.extends;
  if (typeof ext === 'string' && ext !== '') {
    if (ctx.key === ROOT_PACK_ID)
      add(['extends'], 'extends_required', `${ROOT_PACK_ID} 是根标准包，不能继承其他包`);
    else if (!ctx.packIds.has(ext)) add(['extends'], 'unknown_extends', `继承的标准包 "${ext}" 不存在`);
  } else if (ext === undefined && ctx.key !== ROOT_PACK_ID) {
    add(['extends'], 'extends_required', `除 ${ROOT_PACK_ID} 外，每个标准包都必须声明 extends`);
  }

  const checkRef = (v: unknown, segs: Segments) => {
    const ref = str(v);
    if (ref === undefined) return;
    for (const part of ref.split(/[;；]/).map((p) => p.trim())) {
      const abbr = SOURCE_ABBREVIATIONS.find(
        (a) => part === a || new RegExp(`^${a}(?![A-Za-z0-9])`).test(part),
      );
      if (abbr === undefined) {
        add(segs, 'source_ref', `sourceRef "${part}" 应以来源缩写开头（${SOURCE_ABBREVIATIONS.join('/')}）`);
      } else if (/^S\d{3}$/.test(abbr) && abbr !== ownSeed) {
        add(segs, 'source_ref', `sourceRef "${part}" 引用了 ${abbr}，但本包的种子是 ${ownSeed ?? '（无）'}`);
      }
    }
  };

  const checkRuleList = (list: unknown, segs: Segments, scored: boolean) => {
    if (!Array.isArray(list)) return;
    const seen = new Set<string>();
    list.forEach((r, j) => {
      if (typeof r !== 'string') return;
      const rule = findRule(r);
      if (rule === undefined)
        add([...segs, j], 'unknown_rule', `未知规则 ID "${r}"（不在 RULES.md 规则目录中）`);
      else if (scored && !isCheckable(rule)) {
        add(
          [...segs, j],
          'rule_not_checkable',
          `规则 ${r} 没有可自动判定的检查（${rule.check.join('/') || '仅说明'}），请放入 related`,
        );
      }
      if (seen.has(r)) add([...segs, j], 'schema', `规则 ID "${r}" 重复`);
      seen.add(r);
    });
  };

  const claimId = (node: Obj, segs: Segments) => {
    const nid = str(node.id);
    if (nid === undefined) return;
    if (ids.has(nid))
      add([...segs, 'id'], 'duplicate_id', `指标 ID "${nid}" 重复（另见 ${fmt(ids.get(nid)!)}）`);
    else ids.set(nid, segs);
  };

  const walk = (nodes: unknown, segs: Segments) => {
    if (!Array.isArray(nodes)) return;
    nodes.forEach((node, i) => {
      if (!isObj(node)) return;
      const at: Segments = [...segs, i];
      const name = str(node.id) ?? fmt(at);
      claimId(node, at);
      checkRef(node.sourceRef, [...at, 'sourceRef']);
      checkRuleList(node.related, [...at, 'related'], false);
      if (node.children !== undefined) {
        if (Array.isArray(node.children) && node.children.length === 0) {
          add([...at, 'children'], 'tree_shape', `分组 ${name} 的 children 为空`);
        }
        const leafOnly = LEAF_FIELDS.filter((f) => node[f] !== undefined);
        if (leafOnly.length > 0) {
          add(
            at,
            'tree_shape',
            `分组 ${name} 有 children，不能再有 ${leafOnly.join('/')}（这些只属于叶子指标）`,
          );
        }
        walk(node.children, [...at, 'children']);
        return;
      }
      checkRuleList(node.rules, [...at, 'rules'], true);
      checkLeaf(node, at, name, add);
    });
  };
  walk(raw.indicators, ['indicators']);

  if (Array.isArray(raw.veto)) {
    raw.veto.forEach((v, i) => {
      if (!isObj(v)) return;
      const at: Segments = ['veto', i];
      claimId(v, at);
      checkRef(v.sourceRef, [...at, 'sourceRef']);
      checkRuleList(v.rules, [...at, 'rules'], true);
      const mode = v.mode ?? 'MANUAL';
      if ((mode === 'AUTO' || mode === 'SEMI') && !nonEmptyArray(v.rules)) {
        add([...at, 'rules'], 'mode_requirement', `${mode} 否决项 ${str(v.id) ?? ''} 至少需要一条规则`);
      }
    });
  }

  if (isObj(raw.parameters)) {
    for (const [key, p] of Object.entries(raw.parameters)) {
      if (!isObj(p)) continue;
      const at: Segments = ['parameters', key];
      checkRef(p.sourceRef, [...at, 'sourceRef']);
      if (!('value' in p)) {
        add([...at, 'value'], 'schema', `参数 ${key} 缺少 value`);
        continue;
      }
      const def = findSetting(key);
      if (def !== undefined) {
        const r = def.type.schema.safeParse(p.value);
        if (!r.success) {
          const why = r.error.issues[0]?.message ?? '';
          add([...at, 'value'], 'parameter_type', `参数 ${key} 的值应为 ${def.type.label}（${why}）`);
        }
      } else if (str(p.description) === undefined) {
        undeclaredParams.push(key);
      }
    }
  }
  return { issues, ids, undeclaredParams };
}

function checkLeaf(
  node: Obj,
  at: Segments,
  name: string,
  add: (s: Segments, c: PackErrorCode, m: string) => void,
) {
  const mode = node.mode;
  if (mode === undefined) {
    add(at, 'tree_shape', `指标 ${name} 既没有 children 也没有 mode`);
    return;
  }
  if (mode === 'AUTO' && !nonEmptyArray(node.rules)) {
    add([...at, 'rules'], 'mode_requirement', `AUTO 指标 ${name} 至少需要一条规则（rules）`);
  }
  if (mode === 'SEMI') {
    if (!nonEmptyArray(node.rules)) add([...at, 'rules'], 'mode_requirement', `SEMI 指标 ${name} 需要 rules`);
    if (str(node.confirm) === undefined)
      add([...at, 'confirm'], 'mode_requirement', `SEMI 指标 ${name} 需要 confirm（人工确认的内容）`);
  }
  if (mode === 'MANUAL') {
    if (node.score === undefined && !nonEmptyArray(node.evidence)) {
      add(at, 'mode_requirement', `MANUAL 指标 ${name} 需要 score 或 evidence`);
    }
    if (node.rules !== undefined) {
      add([...at, 'rules'], 'mode_requirement', `MANUAL 指标 ${name} 不按规则计分，引用规则请用 related`);
    }
  }
}

const nonEmptyArray = (v: unknown): boolean => Array.isArray(v) && v.length > 0;

/** Formats a path: `indicators[2].children[0].rules[1]`, `parameters["org.branch.maxMembers"].value`. */
export function fmt(segs: Segments): string {
  let out = '';
  for (const s of segs) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(s)) out += out === '' ? s : `.${s}`;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}
