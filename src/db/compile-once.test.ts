import {
  CamelCasePlugin,
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
} from 'kysely';
import { describe, expect, it } from 'vitest';
import { compileOnce } from './compile-once.ts';
import type { DB } from './schema.ts';

const db = new Kysely<DB>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new PostgresIntrospector(k),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
  plugins: [new CamelCasePlugin({ maintainNestedObjectKeys: true })],
});

const build = (k: Kysely<DB>, p: { id: string; name: string }) =>
  k
    .selectFrom('org')
    .select(['id', 'orgPath' as 'path'])
    .where('id', '=', p.id)
    .where('name', '=', p.name)
    .limit(5);

describe('compileOnce', () => {
  it('binds new values into the SQL compiled at first use, exactly as a fresh compile would', () => {
    const q = compileOnce(build, ['id', 'name']);
    for (const args of [
      { id: 'a', name: '第一支部' },
      { id: 'b', name: "O'Brien" },
    ]) {
      const bound = q.bind(db, args);
      const fresh = build(db, args).compile();
      expect(bound.sql).toBe(fresh.sql);
      expect(bound.parameters).toEqual(fresh.parameters);
    }
  });

  it('refuses a placeholder that the builder transforms (it would not be a plain parameter)', () => {
    const q = compileOnce(
      (k: Kysely<DB>, p: { q: string }) => k.selectFrom('org').select('id').where('name', 'like', `%${p.q}%`),
      ['q'],
    );
    expect(() => q.bind(db, { q: 'x' })).toThrow(/transformed|not a parameter/);
  });

  it('binds a placeholder used twice in both places', () => {
    const q = compileOnce(
      (k: Kysely<DB>, p: { id: string }) =>
        k.selectFrom('org').select('id').where('id', '=', p.id).where('parentId', '=', p.id),
      ['id'],
    );
    expect(q.bind(db, { id: 'x' }).parameters).toEqual(['x', 'x']);
  });

  it('refuses a placeholder the query does not use', () => {
    const q = compileOnce((k: Kysely<DB>, _p: { id: string }) => k.selectFrom('org').select('id'), ['id']);
    expect(() => q.bind(db, { id: 'x' })).toThrow(/not a parameter/);
  });
});
