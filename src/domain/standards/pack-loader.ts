/**
 * Pure pack loader: parses pack YAML texts, validates them (schema + semantics + the `extends` graph) and
 * resolves inheritance. Reports every problem of every pack at once, each with its pack, path and line.
 */
import { type Document, isNode, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { checkPack, fmt, type Segments } from './pack-checks.ts';
import {
  type Pack,
  type PackError,
  PackSchema,
  type ResolvedPack,
  type ResolvedParameter,
} from './pack-schema.ts';
import { leafIndicators } from './pack-tree.ts';
import { findSetting } from './rule-catalog.ts';

/** The pack types, re-exported for callers that only import the loader. */
export type { Indicator, Pack, PackError, ResolvedPack } from './pack-schema.ts';
/** The root pack id (`national-baseline`), re-exported for callers that only import the loader. */
export { ROOT_PACK_ID } from './pack-schema.ts';

/** Options of {@link loadPacks}. */
export interface LoadOptions {
  /** Seed file names a `source.seed` may name (default: the real seeds of RULES.md §0.1). */
  seedFiles?: readonly string[];
}

/** Result of {@link loadPacks}: resolved packs (sorted by id) and every error found. */
export interface LoadResult {
  packs: ResolvedPack[];
  errors: PackError[];
}

interface Entry {
  key: string;
  doc?: Document;
  lines: LineCounter;
  raw?: unknown;
  pack?: Pack;
  errors: PackError[];
  ids: Map<string, Segments>;
  undeclared: string[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Loads packs from a map {packId → YAML text}; the key is the pack's directory name and must equal its `id`. */
export function loadPacks(texts: Readonly<Record<string, string>>, options: LoadOptions = {}): LoadResult {
  const keys = Object.keys(texts).sort();
  const packIds = new Set(keys);
  const entries = new Map<string, Entry>();
  for (const key of keys) entries.set(key, parseEntry(key, texts[key], packIds, options));

  const parentOf = (key: string): string | undefined => {
    const raw = entries.get(key)?.raw;
    return isObj(raw) && typeof raw.extends === 'string' && packIds.has(raw.extends)
      ? raw.extends
      : undefined;
  };
  const cyclic = markCycles(keys, parentOf, entries);
  const ancestors = (key: string): string[] => {
    const out: string[] = [];
    for (let p = parentOf(key); p !== undefined && p !== key && !out.includes(p); p = parentOf(p))
      out.push(p);
    return out;
  };

  for (const key of keys) {
    const e = entries.get(key)!;
    if (cyclic.has(key)) continue;
    const chain = ancestors(key);
    checkInherited(
      e,
      chain.map((k) => entries.get(k)!),
    );
  }

  const packs: ResolvedPack[] = [];
  for (const key of keys) {
    const e = entries.get(key)!;
    if (e.errors.length > 0 || e.pack === undefined || cyclic.has(key)) continue;
    const chain = ancestors(key);
    const bad = chain.find((k) => entries.get(k)!.errors.length > 0 || entries.get(k)!.pack === undefined);
    if (bad !== undefined) {
      e.errors.push(at(e, ['extends'], 'parent_invalid', `继承链上的标准包 "${bad}" 有错误，本包无法解析`));
      continue;
    }
    packs.push(
      resolve(
        e.pack,
        chain.map((k) => entries.get(k)!.pack!),
      ),
    );
  }
  return { packs, errors: keys.flatMap((k) => entries.get(k)!.errors) };
}

function parseEntry(key: string, text: string, packIds: ReadonlySet<string>, options: LoadOptions): Entry {
  const lines = new LineCounter();
  const e: Entry = { key, lines, errors: [], ids: new Map(), undeclared: [] };
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    for (const err of doc.errors) {
      const { line, col } = lines.linePos(err.pos[0]);
      const where = line === undefined ? '' : `第 ${line} 行第 ${col} 列：`;
      e.errors.push({
        pack: key,
        path: '',
        code: 'yaml_syntax',
        message: `YAML 语法错误，${where}${err.message}`,
        line,
      });
    }
    return e;
  }
  e.doc = doc;
  e.raw = doc.toJS();
  if (e.raw === null || e.raw === undefined) {
    e.errors.push({ pack: key, path: '', code: 'schema', message: '标准包文件为空' });
    return e;
  }
  const parsed = PackSchema.safeParse(e.raw);
  if (parsed.success) e.pack = parsed.data;
  else for (const issue of parsed.error.issues) e.errors.push(schemaError(e, issue));
  const checked = checkPack(e.raw, { key, packIds, seedFiles: options.seedFiles });
  for (const i of checked.issues) e.errors.push(at(e, i.segs, i.code, i.message));
  e.ids = checked.ids;
  e.undeclared = checked.undeclaredParams;
  return e;
}

function schemaError(e: Entry, issue: z.core.$ZodIssue): PackError {
  const segs = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  if (issue.code === 'unrecognized_keys') {
    const first = issue.keys[0];
    const err = at(
      e,
      first === undefined ? segs : [...segs, first],
      'schema',
      `未知字段：${issue.keys.join(', ')}`,
    );
    return { ...err, path: fmt(segs) };
  }
  const missing = issue.code === 'invalid_type' && valueAt(e.raw, segs) === undefined;
  return at(e, segs, 'schema', missing ? '缺少必填字段' : issue.message);
}

function at(e: Entry, segs: Segments, code: PackError['code'], message: string): PackError {
  const err: PackError = { pack: e.key, path: fmt(segs), code, message };
  const line = lineOf(e, segs);
  if (line !== undefined) err.line = line;
  return err;
}

function lineOf(e: Entry, segs: Segments): number | undefined {
  if (e.doc === undefined) return undefined;
  for (let k = segs.length; k >= 0; k--) {
    const node = k === 0 ? e.doc.contents : e.doc.getIn(segs.slice(0, k), true);
    if (isNode(node) && node.range) return e.lines.linePos(node.range[0]).line;
  }
  return undefined;
}

function valueAt(raw: unknown, segs: Segments): unknown {
  let cur: unknown = raw;
  for (const s of segs) {
    if (Array.isArray(cur) && typeof s === 'number') cur = cur[s];
    else if (isObj(cur) && typeof s === 'string') cur = cur[s];
    else return undefined;
  }
  return cur;
}

/** Finds `extends` cycles and reports one error on every pack in a cycle. */
function markCycles(
  keys: string[],
  parentOf: (k: string) => string | undefined,
  entries: Map<string, Entry>,
) {
  const cyclic = new Set<string>();
  for (const start of keys) {
    const path: string[] = [];
    for (let k: string | undefined = start; k !== undefined; k = parentOf(k)) {
      const idx = path.indexOf(k);
      if (idx >= 0) {
        const cycle = path.slice(idx);
        if (cycle.includes(start) && !cyclic.has(start)) {
          cyclic.add(start);
          const e = entries.get(start)!;
          const shown = [
            ...cycle.slice(cycle.indexOf(start)),
            ...cycle.slice(0, cycle.indexOf(start)),
            start,
          ];
          e.errors.push(at(e, ['extends'], 'extends_cycle', `继承关系成环：${shown.join(' → ')}`));
        }
        break;
      }
      path.push(k);
    }
  }
  return cyclic;
}

/** Checks that need the ancestors: ids unique across the chain, parameters declared by an ancestor. */
function checkInherited(e: Entry, chain: Entry[]) {
  for (const [id, segs] of e.ids) {
    const owner = chain.find((a) => a.ids.has(id));
    if (owner !== undefined) {
      e.errors.push(
        at(e, [...segs, 'id'], 'duplicate_id', `指标 ID "${id}" 与继承的标准包 ${owner.key} 重复`),
      );
    }
  }
  for (const key of e.undeclared) {
    const decl = chain
      .map((a) => (isObj(a.raw) && isObj(a.raw.parameters) ? a.raw.parameters[key] : undefined))
      .find((p) => isObj(p) && typeof p.description === 'string');
    const segs: Segments = ['parameters', key];
    if (!isObj(decl)) {
      e.errors.push(
        at(
          e,
          segs,
          'unknown_parameter',
          `参数 ${key} 不在设置登记表（RULES.md §11）中；自定义参数须写 description`,
        ),
      );
      continue;
    }
    const own = valueAt(e.raw, [...segs, 'value']);
    if (jsonKind(own) !== jsonKind(decl.value)) {
      const msg = `参数 ${key} 的值类型应与上级声明一致（${jsonKind(decl.value)}），实际为 ${jsonKind(own)}`;
      e.errors.push(at(e, [...segs, 'value'], 'parameter_type', msg));
    }
  }
}

const jsonKind = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

function resolve(pack: Pack, ancestors: Pack[]): ResolvedPack {
  const parameters: Record<string, ResolvedParameter> = {};
  for (const p of [...ancestors].reverse().concat(pack)) {
    for (const [key, param] of Object.entries(p.parameters ?? {})) {
      const prev = parameters[key];
      const declared = findSetting(key);
      parameters[key] = {
        key,
        value: param.value,
        sourceRef: param.sourceRef,
        unverified: param.unverified ?? declared?.unverified ?? false,
        definedIn: p.id,
        description: param.description ?? prev?.description,
        note: param.note,
        overrides: prev
          ? [{ packId: prev.definedIn, value: prev.value, sourceRef: prev.sourceRef }, ...prev.overrides]
          : [],
      };
    }
  }
  const baseline = ancestors.map((a) => ({ packId: a.id, indicators: a.indicators }));
  const rules = new Set<string>();
  for (const tree of [pack.indicators, ...baseline.map((b) => b.indicators)]) {
    for (const leaf of leafIndicators(tree)) for (const r of leaf.rules ?? []) rules.add(r);
  }
  for (const v of pack.veto ?? []) for (const r of v.rules ?? []) rules.add(r);
  return {
    id: pack.id,
    title: pack.title,
    source: pack.source,
    appliesTo: pack.appliesTo,
    notes: pack.notes,
    extends: pack.extends ?? null,
    chain: [pack.id, ...ancestors.map((a) => a.id)],
    parameters,
    indicators: pack.indicators,
    baseline,
    veto: pack.veto ?? [],
    ruleIds: [...rules].sort(),
  };
}
