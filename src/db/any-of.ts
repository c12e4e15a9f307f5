import { type RawBuilder, sql } from 'kysely';

/**
 * `column = any($1::type[])`: membership in a list as ONE array parameter. `where(col, 'in', list)`
 * sends one parameter per element, and the wire protocol caps a statement at 65,535 parameters (a
 * city-wide evaluation has 60k+ people with findings), besides a new SQL text per list length.
 */
export function anyOf(
  column: string,
  values: readonly string[],
  type: 'uuid' | 'text' = 'uuid',
): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(column)} = any(${sql.val([...values])}::${sql.raw(type)}[])`;
}
