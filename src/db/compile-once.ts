import { type Compilable, CompiledQuery, type QueryResult } from 'kysely';

/**
 * A query of one fixed shape whose SQL is compiled once and then reused with new parameter values.
 * Kysely's compile (operation tree, CamelCase transform, SQL printing) costs 0.3–0.7 ms for a query
 * with joins — more than executing an indexed lookup — and the session lookup runs on every request
 * (docs/benchmarks.md `list`). `build` receives placeholder values and must use each only as a plain
 * value (one or more times) (`where(col, '=', p.id)`), never in a way that changes the SQL text or transforms the value;
 * a placeholder that does not come out as a parameter, or comes out transformed, is an error at first use.
 */
export function compileOnce<D, P extends Record<string, string | number>, R>(
  build: (db: D, p: P) => Compilable<R>,
  names: readonly (keyof P & string)[],
) {
  type Prepared = { query: CompiledQuery<R>; slots: ((keyof P & string) | undefined)[] };
  // per database instance: the SQL depends on its dialect and plugins
  const cache = new WeakMap<object, Prepared>();
  const token = (name: string) => `\u0000compile-once:${name}\u0000`;
  function prepare(db: D): Prepared {
    const placeholders = Object.fromEntries(names.map((n) => [n, token(n)])) as P;
    const query = build(db, placeholders).compile();
    const slots = query.parameters.map((v) => names.find((n) => v === token(n)));
    for (const n of names)
      if (!slots.includes(n))
        throw new Error(`compileOnce: placeholder ${n} is not a parameter of the query`);
    for (const [i, v] of query.parameters.entries())
      if (slots[i] === undefined && typeof v === 'string' && v.includes('\u0000compile-once:'))
        throw new Error('compileOnce: a placeholder was transformed; pass it as a plain value');
    return { query, slots };
  }
  return {
    /** The compiled query with `args` bound. */
    bind(db: D & object, args: P): CompiledQuery<R> {
      let prepared = cache.get(db);
      if (!prepared) {
        prepared = prepare(db);
        cache.set(db, prepared);
      }
      const { query, slots } = prepared;
      const parameters = query.parameters.map((v, i) => {
        const slot = slots[i];
        return slot === undefined ? v : args[slot];
      });
      return CompiledQuery.raw(query.sql, parameters) as CompiledQuery<R>;
    },
  };
}

/** Runs a bound query through `executor` (a Kysely instance or transaction). */
export async function runCompiled<R>(
  executor: { executeQuery<T>(q: CompiledQuery<T>): Promise<QueryResult<T>> },
  query: CompiledQuery<R>,
): Promise<R[]> {
  return (await executor.executeQuery(query)).rows;
}
