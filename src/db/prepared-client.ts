import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import pg from 'pg';

/**
 * A `pg` client that runs parameterized statements as named prepared statements, so PostgreSQL
 * parses each distinct SQL text once per connection (and may reuse its plan) instead of on every
 * request. Kysely compiles the same query shape to the same text, so the set of texts is small;
 * statements with many parameters (variable-length `IN` lists, bulk `unnest` inserts) or very long
 * texts stay unnamed, and the number of names is capped so an unusual workload cannot grow the
 * server's per-connection statement cache without bound. Statements without parameters (migrations,
 * multi-statement scripts) keep the simple protocol. See docs/benchmarks.md (`list`). The limits admit a
 * batch of one branch's evaluation reads (batch.ts: up to ~100 parameters and ~20 KB of text a statement).
 */
const MAX_PARAMS = 256;
const MAX_TEXT = 65_536;
const MAX_NAMES = 2_000;
const names = new Map<string, string>();

/** The statement name for `text`, or undefined when it should not be prepared. */
export function statementName(text: string, paramCount: number): string | undefined {
  if (paramCount === 0 || paramCount > MAX_PARAMS || text.length > MAX_TEXT) return undefined;
  let name = names.get(text);
  if (name === undefined) {
    if (names.size >= MAX_NAMES) return undefined;
    name = `z_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}

/** How the statements of a piece of work are planned (see withPlanPerCall, withGenericPlans). */
type PlanMode = 'per-call' | 'generic';
const planMode = new AsyncLocalStorage<PlanMode>();

/**
 * Runs `work` with every statement planned for its own parameter values (unnamed, never a cached
 * generic plan). For the compliance evaluation: the same loader statement runs for one branch
 * (hundreds of rows) and for a whole city (hundreds of thousands); once PostgreSQL has settled on a
 * generic plan from branch runs, a city run on that connection took 29.6 s instead of 7.4 s
 * (docs/decisions.md). Planning costs ~1 ms a statement, nothing next to the evaluation. Inside
 * withGenericPlans it marks the statements whose generic plan is bad.
 */
export function withPlanPerCall<T>(work: () => Promise<T>): Promise<T> {
  return planMode.run('per-call', work);
}

/**
 * Runs `work` with its named statements executed on their generic plan (`plan_cache_mode =
 * force_generic_plan` on the connection while they run), planned once per connection instead of on
 * every call. For one branch's evaluation, where planning was ~3/4 of PostgreSQL's time (a ~0.1 ms
 * statement planned in ~0.2-1.5 ms, because the path-range conditions make the generic plan look
 * costlier than it is); statements whose generic plan is really worse run inside withPlanPerCall.
 */
export function withGenericPlans<T>(work: () => Promise<T>): Promise<T> {
  return planMode.run('generic', work);
}

/** Whether the statements run here are planned per call (inside withPlanPerCall). */
export const plansPerCall = () => planMode.getStore() === 'per-call';

/** The name to prepare a statement under here, or undefined (unnamed: planned for these values). */
export function preparedName(text: string, paramCount: number): string | undefined {
  return planMode.getStore() === 'per-call' ? undefined : statementName(text, paramCount);
}

/** The `plan_cache_mode` a statement run here needs. */
function planCacheMode(): 'auto' | 'force_generic_plan' {
  return planMode.getStore() === 'generic' ? 'force_generic_plan' : 'auto';
}

/** `pg.Client` whose parameterized `query(text, values)` calls run as named prepared statements. */
export class PreparingClient extends pg.Client {}

const plainQuery = pg.Client.prototype.query as (this: pg.Client, ...args: unknown[]) => unknown;
/** The connection's plan_cache_mode as last set here (undefined: unknown, after a rollback). */
const modeOf = new WeakMap<pg.Client, string | undefined>();

/**
 * Sets the connection's plan_cache_mode when it differs (queued before the statement: no extra wait). Every
 * statement of the extended protocol needs it, unnamed ones too (PostgreSQL caches their plan source and honours
 * the mode: a per-call statement on a connection left in force_generic_plan ran on a generic plan); a statement
 * without parameters (the simple protocol) is planned once for itself.
 */
function ensureMode(client: pg.Client) {
  const want = planCacheMode();
  const has = modeOf.has(client) ? modeOf.get(client) : 'auto';
  if (has === want) return;
  modeOf.set(client, want);
  (plainQuery.call(client, `set plan_cache_mode = ${want}`) as Promise<unknown>).catch(() =>
    modeOf.set(client, undefined),
  );
}

Object.defineProperty(PreparingClient.prototype, 'query', {
  value(this: pg.Client, ...args: unknown[]) {
    const [text, values] = args;
    // a rollback undoes a SET made in its transaction: the mode is unknown until set again
    if (typeof text === 'string' && /^\s*rollback/i.test(text)) modeOf.set(this, undefined);
    // with parameters (pg then uses the extended protocol); none: the simple protocol, a one-shot plan
    else if (args.length === 2 && typeof text === 'string' && Array.isArray(values) && values.length) {
      ensureMode(this);
      const name = preparedName(text, values.length);
      if (name) return plainQuery.call(this, { name, text, values });
    }
    return plainQuery.apply(this, args);
  },
  writable: true,
  configurable: true,
});

/** The pool option that makes a `pg.Pool` use `PreparingClient`. */
export const preparingClient = PreparingClient as unknown as new () => pg.ClientBase;
