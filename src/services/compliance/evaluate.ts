import { EDU_CHECKS, LIFE_CHECKS, ORG_CHECKS } from '../../domain/checks/registry.ts';
import { isBranchKind } from '../../domain/org/org-tree.ts';
import { withGenericPlans, withPlanPerCall } from '../../db/prepared-client.ts';
import { sql } from 'kysely';
import { read, withBatchedReads } from '../../db/batch.ts';
import { anyOf } from '../../db/any-of.ts';
import { inSubtree } from '../../db/subtree.ts';
import type { CheckDef, Finding, ParamReader } from '../../domain/checks/types.ts';
import { AppError } from '../../domain/errors.ts';
import { ROOT_PACK_ID, type ResolvedPack } from '../../domain/standards/pack-loader.ts';
import type { Deps } from '../deps.ts';
import { loadStandardPacks } from '../standards/pack-files.ts';
import { loadEduFacts } from './edu-facts.loader.ts';
import {
  eduReportable,
  everyPack,
  packParams,
  packsInForce,
  participationScope,
  smallestDayCap,
} from './in-force.ts';
import { loadLifeFacts } from './life-facts.loader.ts';
import { type OverrideRow, overridesAt, withOverrides } from './overrides.ts';
import { type RunContext, WIDE_SHARE, loadRunContext } from './run-context.ts';

export { packParams };
import { type OrgPlacement, loadOrgFacts } from './org-facts.loader.ts';

export type EvaluateOptions = {
  orgCode?: string;
  asOf: string;
  packId?: string;
  /** Load every fact: every person-year of the study rules, every member of the participation rules, the facts of
   * rules no pack in force scores — not only what a rule in force can report (tests compare the two). */
  loadAll?: boolean;
};
export type Evaluation = {
  asOf: string;
  findings: (Finding & { orgCode: string; personRef: string | null })[];
};

let packsCache: Promise<Map<string, ResolvedPack>> | undefined;

/** The six packs, loaded and validated once per process; a broken pack stops evaluation with its errors. */
export function standardPacks(): Promise<Map<string, ResolvedPack>> {
  packsCache ??= loadStandardPacks().then((r) => {
    if (r.errors.length) {
      packsCache = undefined;
      throw new AppError(
        'validation',
        'pack_invalid',
        `标准包有误：${r.errors
          .slice(0, 3)
          .map((e) => `${e.pack} ${e.path} ${e.message}`)
          .join('；')}`,
      );
    }
    return new Map(r.packs.map((p) => [p.id, p]));
  });
  return packsCache;
}

/** The pack active for each org: its own `pack`, else its nearest ancestor's, else the national baseline. */
export function activePacks(
  placement: { orgId: string; path: string; pack: string | null }[],
  ancestorPacks: Map<string, string>,
): Map<string, string> {
  const byPath = new Map(ancestorPacks);
  for (const p of placement) if (p.pack) byPath.set(p.path, p.pack);
  const out = new Map<string, string>();
  for (const p of placement) {
    let pack = ROOT_PACK_ID;
    for (let at = p.path; at.length > 1; at = at.slice(0, at.slice(0, -1).lastIndexOf('/') + 1)) {
      const hit = byPath.get(at);
      if (hit) {
        pack = hit;
        break;
      }
    }
    out.set(p.orgId, pack);
  }
  return out;
}

/**
 * The judge of a run: runs checks over facts with each org's active pack (or the one asked for) and the
 * overrides in force at the org, keeping the findings of the rules that pack scores.
 */
function judgeBy(
  opts: EvaluateOptions,
  packs: Map<string, ResolvedPack>,
  placement: OrgPlacement[],
  above: Map<string, string>,
  overrides: OverrideRow[],
) {
  const packOf = activePacks(placement, above);
  const pathOf = new Map(placement.map((p) => [p.orgId, p.path]));
  type Prepared = {
    scored: Set<string>;
    ctx: { asOf: string; param: ParamReader };
    /** Of each list of checks, those implementing a rule the pack scores (computed once per list). */
    // biome-ignore lint/suspicious/noExplicitAny: checks of every fact type
    scoring: Map<CheckDef<any>[], CheckDef<any>[]>;
  };
  const prepared = new Map<string, Prepared>();
  const ofOrg = new Map<string, Prepared>();
  // once per org (the org, life and EDU judges each ask for every org)
  const forOrg = (orgId: string) => {
    let hit = ofOrg.get(orgId);
    if (!hit) {
      hit = prepare(orgId);
      ofOrg.set(orgId, hit);
    }
    return hit;
  };
  const prepare = (orgId: string) => {
    const id = opts.packId ?? packOf.get(orgId) ?? ROOT_PACK_ID;
    const local = overridesAt(pathOf.get(orgId) ?? '', overrides);
    const key = `${id}|${[...local.values()].map((o) => `${o.orgPath}:${o.key}`).join(',')}`;
    let p = prepared.get(key);
    if (!p) {
      const pack = packs.get(id)!;
      p = {
        scored: new Set(pack.ruleIds),
        ctx: { asOf: opts.asOf, param: withOverrides(packParams(pack), local) },
        scoring: new Map(),
      };
      prepared.set(key, p);
    }
    return p;
  };
  return <F>(checks: CheckDef<F>[], items: F[], orgIdOf: (f: F) => string): Finding[] => {
    const found: Finding[] = [];
    for (const f of items) {
      const p = forOrg(orgIdOf(f));
      const { scored, ctx } = p;
      let scoring = p.scoring.get(checks);
      if (!scoring) {
        scoring = checks.filter((c) => c.ruleIds.some((r) => scored.has(r)));
        p.scoring.set(checks, scoring);
      }
      for (const check of scoring)
        for (const x of check.judge(f, ctx)) if (scored.has(x.ruleId)) found.push(x);
    }
    return found;
  };
}

/**
 * Evaluates the subtree "as of" a date against each org's active pack (or one pack for all):
 * set-based facts, then every check whose rule IDs the pack scores. Pure judgement, reproducible.
 */
export async function evaluateCompliance(deps: Deps, opts: EvaluateOptions): Promise<Evaluation> {
  const packs = await standardPacks();
  if (opts.packId && !packs.has(opts.packId))
    throw new AppError(
      'not_found',
      'pack_not_found',
      `标准包 ${opts.packId} 不存在（可选：${[...packs.keys()].join('、')}）`,
    );
  // the root, its overrides and packs and the dated-after probe in one statement, on its generic plan (small
  // lookups): a branch run's statements then all share one plan mode
  const context = await withGenericPlans(() => loadRunContext(deps.db, opts.orgCode, opts.asOf));
  if (!context) throw new AppError('not_found', 'org_not_found', `组织编码 ${opts.orgCode} 不存在`);
  // one branch (the refresh after a write) runs its prepared statements on their generic plans, planned once
  // per connection (planning was ~3/4 of its PostgreSQL time), its reads batched into a few statements (sending
  // and reading each of ~20 cost more than running it); anything larger is planned for its own size, never with
  // a generic plan, each query a statement of its own run concurrently (docs/decisions.md)
  const branch = isBranchKind(context.root.kind);
  const run = () => evaluate(deps, opts, packs, context, branch);
  return branch ? withGenericPlans(() => withBatchedReads(deps.db, run)) : withPlanPerCall(run);
}

async function evaluate(
  deps: Deps,
  opts: EvaluateOptions,
  packs: Map<string, ResolvedPack>,
  { root, overrides, around, after, personYears, share }: RunContext,
  /** One branch: its reads are issued in one turn (its participation facts keyed by a subquery of those at risk). */
  branch: boolean,
): Promise<Evaluation> {
  // every loader starts at once (PostgreSQL's pool runs them concurrently; PGlite serializes them): life
  // and EDU facts need the org facts only to assemble their results
  const rootPath = root.path;
  // what the packs in force score: only their rules' facts are loaded, only their bounds apply
  const inForce = opts.loadAll ? everyPack(packs) : packsInForce(packs, around, opts.packId);
  // one branch reads its people's refs with its facts (a lookup after judging was its last round trip); a larger
  // subtree's EDU facts bring their people's refs (most findings about people), the others are looked up after
  // judging
  const eduRefs = new Map<string, string>();
  const knownRefs = branch ? subtreeRefs(deps.db, rootPath) : Promise.resolve(eduRefs);
  const orgFacts = loadOrgFacts(deps.db, rootPath, opts.asOf);
  const orgs = orgFacts.then((r) => r.facts);
  const life = loadLifeFacts(
    deps.db,
    rootPath,
    opts.asOf,
    orgs,
    opts.loadAll ? { oneTurn: branch } : { oneTurn: branch, ...participationScope(inForce, overrides) },
    inForce,
  );
  const edu = loadEduFacts(
    deps.db,
    rootPath,
    opts.asOf,
    orgs,
    {
      dayFloor: smallestDayCap(inForce, overrides),
      reportable: opts.loadAll ? undefined : eduReportable(inForce, overrides),
      after,
      publications: inForce.scores('EDU-007'),
      personYears,
      wide: !branch && share >= WIDE_SHARE,
    },
    branch,
    eduRefs,
  );
  const judge = orgFacts.then(({ placement }) => judgeBy(opts, packs, placement, around.above, overrides));
  // each loader's facts are judged as they arrive: Node judges the org and life facts while PostgreSQL still
  // runs the EDU people query (the longest of a city run); kept in a fixed order for the stable sort below
  const [{ placement }, orgFound, lifeFound, eduFound] = await Promise.all([
    orgFacts,
    Promise.all([judge, orgs]).then(([j, o]) => j(ORG_CHECKS, o, (f) => f.orgId)),
    Promise.all([judge, life]).then(([j, l]) => j(LIFE_CHECKS, l, (f) => f.org.orgId)),
    Promise.all([judge, edu]).then(([j, e]) => j(EDU_CHECKS, e, (f) => f.org.orgId)),
  ]);
  const findings = [...orgFound, ...lifeFound, ...eduFound];
  const codeOf = new Map(placement.map((p) => [p.orgId, p.code]));
  const personIds = [...new Set(findings.flatMap((f) => (f.personId ? [f.personId] : [])))];
  const refOf = new Map(await knownRefs);
  const missing = personIds.filter((id) => !refOf.has(id));
  if (missing.length)
    for (const r of await deps.db
      .selectFrom('person')
      .select(['id', 'ref'])
      .where(anyOf('id', missing))
      .execute())
      refOf.set(r.id, r.ref ?? r.id);
  // written out, not spread: ≈ 28k findings a city run (a spread copy cost ≈ 2 µs each)
  const out: Evaluation['findings'] = findings.map((f) => ({
    ruleId: f.ruleId,
    checkId: f.checkId,
    orgId: f.orgId,
    personId: f.personId,
    period: f.period,
    severity: f.severity,
    message: f.message,
    sourceRef: f.sourceRef,
    evidence: f.evidence,
    orgCode: codeOf.get(f.orgId)!,
    personRef: f.personId ? (refOf.get(f.personId) ?? f.personId) : null,
  }));
  return { asOf: opts.asOf, findings: sortFindings(out) };
}

/**
 * A total order (org, rule, period, person): the output does not depend on the order loaders send facts in.
 * Sorted by one key string per finding (\u0001 sorts below every character of a code, rule, period or ref).
 */
export function sortFindings<F extends Evaluation['findings'][number]>(out: F[]): F[] {
  const keyed = out.map((f) => ({
    key: `${f.orgCode}\u0001${f.ruleId}\u0001${f.period}\u0001${f.personRef ?? ''}`,
    f,
  }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((k) => k.f);
}

/** The refs (else ids) of the people with a membership or a position in a subtree, by id. */
async function subtreeRefs(db: Deps['db'], rootPath: string): Promise<Map<string, string>> {
  // each person looked up by key (offset 0 keeps it a subquery: a semi-join's generic plan hashed all of person)
  const rows = await read(
    db,
    sql<{ id: string; ref: string | null }>`select p.id, p.ref from (
      select person_id from membership where ${inSubtree('org_path', rootPath)}
      union select s.person_id from position s join org o on o.id = s.org_id where ${inSubtree('o.path', rootPath)}) x
    cross join lateral (select id, ref from person where id = x.person_id offset 0) p`,
  );
  return new Map(rows.rows.map((r) => [r.id, r.ref ?? r.id]));
}

/** The `zhibu check --json` document (shared/domain/DATASET.md): exactly these keys. */
export function checkJson(e: Evaluation) {
  return {
    asOf: e.asOf,
    findings: e.findings.map((f) => ({
      ruleId: f.ruleId,
      checkId: f.checkId,
      org: f.orgCode,
      person: f.personRef,
      period: f.period,
      severity: f.severity,
      message: f.message,
      sourceRef: f.sourceRef,
    })),
  };
}
