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
 * multi-statement scripts) keep the simple protocol. See docs/benchmarks.md (`list`).
 */
const MAX_PARAMS = 64;
const MAX_TEXT = 16_384;
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

const perCall = new AsyncLocalStorage<true>();

/**
 * Runs `work` with every statement planned for its own parameter values (unnamed, never a cached
 * generic plan). For the compliance evaluation: the same loader statement runs for one branch
 * (hundreds of rows) and for a whole city (hundreds of thousands); once PostgreSQL has settled on a
 * generic plan from branch runs, a city run on that connection took 29.6 s instead of 7.4 s
 * (docs/decisions.md). Planning costs ~1 ms a statement, nothing next to the evaluation.
 */
export function withPlanPerCall<T>(work: () => Promise<T>): Promise<T> {
  return perCall.run(true, work);
}

/** The name to prepare a statement under here, or undefined (unnamed: planned for these values). */
export function preparedName(text: string, paramCount: number): string | undefined {
  return perCall.getStore() ? undefined : statementName(text, paramCount);
}

/** `pg.Client` whose parameterized `query(text, values)` calls run as named prepared statements. */
export class PreparingClient extends pg.Client {}

const plainQuery = pg.Client.prototype.query as (this: pg.Client, ...args: unknown[]) => unknown;
Object.defineProperty(PreparingClient.prototype, 'query', {
  value(this: pg.Client, ...args: unknown[]) {
    const [text, values] = args;
    if (args.length === 2 && typeof text === 'string' && Array.isArray(values)) {
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
