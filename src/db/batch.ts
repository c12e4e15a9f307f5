import { AsyncLocalStorage } from 'node:async_hooks';
import {
  type Compilable,
  CompiledQuery,
  type Kysely,
  type QueryResult,
  type RawBuilder,
  type Transaction,
  type UnknownRow,
} from 'kysely';
import { plansPerCall } from './prepared-client.ts';
import type { DB } from './schema.ts';

type Db = Kysely<DB> | Transaction<DB>;

/**
 * Batched reads: the SELECTs a piece of work issues in one turn of the event loop go to PostgreSQL as one
 * statement (or {@link PARTS}), each query's rows returned as a JSON array, instead of one statement each. For
 * one branch's evaluation: ~20 small statements whose cost was mostly sending and reading each (a write and a
 * wake-up of a backend per statement, ≈ 0.15-0.2 ms of Node a statement on this kind of machine, more than
 * PostgreSQL spends executing most of them; docs/benchmarks.md). Outside {@link withBatchedReads} a read runs
 * as its own statement.
 *
 * A batched query's rows differ from the driver's only in types JSON cannot carry: timestamps arrive as ISO
 * strings (not Date). Dates are strings and numeric/int8 numbers either way (connect.ts); queries with
 * timestamp columns must not be read through here. Row order within a query is the order of its result. A read
 * inside withPlanPerCall runs alone (a batch runs on the plan mode of the work that started it).
 */
type Pending = {
  compiled: CompiledQuery;
  executor: Db;
  resolve: (rows: unknown[]) => void;
  reject: (e: unknown) => void;
};
type Batch = { db: Db; queue: Pending[] | null };

/** Statements a batch is split into: PostgreSQL runs each in one backend, one after another (one branch, city scale, interleaved runs: 1 part 11.3 ms at p10, 2 parts 5.1, 3 parts 4.6, 4 parts 4.9). */
const PARTS = 3;

const batches = new AsyncLocalStorage<Batch>();

/** Runs `work` with its reads ({@link read}, {@link readAll}) batched per turn of the event loop, through `db`. */
export function withBatchedReads<T>(db: Db, work: () => Promise<T>): Promise<T> {
  return batches.run({ db, queue: null }, work);
}

/** `query.execute(executor)`, batched inside {@link withBatchedReads}. */
export async function read<R>(executor: Db, query: RawBuilder<R>): Promise<{ rows: R[] }> {
  const batch = plansPerCall() ? undefined : batches.getStore();
  if (!batch) return query.execute(executor);
  return { rows: (await enqueue(batch, executor, query.compile(executor))) as R[] };
}

/** `builder.execute()` of a query builder of `executor`, batched inside {@link withBatchedReads}. */
export async function readAll<R>(
  executor: Db,
  builder: Compilable<R> & { execute(): Promise<R[]> },
): Promise<R[]> {
  const batch = plansPerCall() ? undefined : batches.getStore();
  if (!batch) return builder.execute();
  return (await enqueue(batch, executor, builder.compile())) as R[];
}

/**
 * The queue in up to {@link PARTS} parts of about equal text length, longest first (a part runs its queries one
 * after another, so the longest part is the batch's wait; text length stands for cost: a branch's EDU people
 * query is the longest text and the slowest). Dealt round-robin, one part held the EDU, participation and refs
 * queries: 1.3 ms of PostgreSQL against 0.3-0.4 ms for the others.
 */
function partition(queue: Pending[]): Pending[][] {
  const parts = Array.from({ length: Math.min(PARTS, queue.length) }, () => ({
    length: 0,
    items: [] as Pending[],
  }));
  for (const q of [...queue].sort((a, b) => b.compiled.sql.length - a.compiled.sql.length)) {
    const part = parts.reduce((min, p) => (p.length < min.length ? p : min));
    part.items.push(q);
    part.length += q.compiled.sql.length;
  }
  return parts.map((p) => p.items);
}

function enqueue(batch: Batch, executor: Db, compiled: CompiledQuery): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    if (!batch.queue) {
      batch.queue = [];
      setImmediate(() => {
        const queue = batch.queue!;
        batch.queue = null;
        for (const part of partition(queue)) run(batch.db, part);
      });
    }
    batch.queue.push({ compiled, executor, resolve, reject });
  });
}

/**
 * Renumbers the `$n` parameters of a statement by `offset` (outside comments and string literals). A branch's
 * refresh batches the same statements at the same offsets each time: each is renumbered once (the regular
 * expression over its ~20 KB of text was ≈ 5 % of a branch run's Node time).
 */
function shiftParams(text: string, offset: number): string {
  if (offset === 0) return text;
  let byOffset = shifted.get(text);
  if (!byOffset) {
    if (shifted.size >= 500) shifted.clear();
    byOffset = new Map();
    shifted.set(text, byOffset);
  }
  let out = byOffset.get(offset);
  if (out === undefined) {
    out = text.replace(/--[^\n]*|\/\*[\s\S]*?\*\/|'(?:[^']|'')*'|\$(\d+)/g, (m, n) =>
      n ? `$${Number(n) + offset}` : m,
    );
    byOffset.set(offset, out);
  }
  return out;
}

const shifted = new Map<string, Map<number, string>>();

async function run(db: Db, queries: Pending[]): Promise<void> {
  try {
    const params: unknown[] = [];
    const columns = queries.map((q, i) => {
      const text = shiftParams(q.compiled.sql, params.length);
      params.push(...q.compiled.parameters);
      return `(select coalesce(json_agg(t), '[]'::json) from (${text}) t) as q${i}`;
    });
    const r = await db
      .withoutPlugins()
      .executeQuery<Record<string, unknown[]>>(CompiledQuery.raw(`select ${columns.join(', ')}`, params));
    const row = r.rows[0];
    await Promise.all(
      queries.map(async (q, i) => {
        let result: QueryResult<UnknownRow> = { rows: row[`q${i}`] as UnknownRow[] };
        // the executor's plugins shape the rows as they would its own result (camelCase keys)
        for (const plugin of q.executor.getExecutor().plugins)
          result = await plugin.transformResult({ result, queryId: q.compiled.queryId });
        q.resolve(result.rows);
      }),
    );
  } catch (e) {
    for (const q of queries) q.reject(e);
  }
}
