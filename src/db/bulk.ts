import { sql } from 'kysely';
import type { Tx } from '../services/deps.ts';

/** Postgres array types of columns, per table, for unnest-based bulk inserts. */
export type ColumnTypes = Record<
  string,
  'uuid' | 'text' | 'int' | 'bigint' | 'numeric' | 'date' | 'jsonb' | 'bool' | 'timestamptz'
>;

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/**
 * Inserts many rows with one `insert … select * from unnest(…)` per chunk: one parameter per
 * column instead of one per value, and no per-row query compilation.
 */
export async function bulkInsert(
  db: Tx,
  table: string,
  types: ColumnTypes,
  rows: Record<string, unknown>[],
  chunk = 5000,
): Promise<void> {
  const cols = Object.keys(types);
  for (let i = 0; i < rows.length; i += chunk) {
    const part = rows.slice(i, i + chunk);
    const arrays = cols.map((c) =>
      part.map((r) => {
        const v = r[c];
        if (v === undefined || v === null) return null;
        if (v instanceof Date) return v.toISOString();
        return types[c] === 'jsonb' ? (typeof v === 'string' ? v : JSON.stringify(v)) : v;
      }),
    );
    const selects = cols.map(
      (c, j) => sql`${sql.val(arrays[j])}::${sql.raw(types[c] === 'jsonb' ? 'text' : types[c])}[]`,
    );
    const casts = cols.map((c) => (types[c] === 'jsonb' ? sql.raw(`${snake(c)}::jsonb`) : sql.raw(snake(c))));
    await sql`insert into ${sql.table(table)} (${sql.join(cols.map((c) => sql.raw(snake(c))))})
      select ${sql.join(casts)} from unnest(${sql.join(selects)}) as t(${sql.join(cols.map((c) => sql.raw(snake(c))))})`.execute(
      db,
    );
  }
}

export const ORG_COLUMNS: ColumnTypes = {
  id: 'uuid',
  seq: 'bigint',
  parentId: 'uuid',
  path: 'text',
  depth: 'int',
  kind: 'text',
  category: 'text',
  code: 'text',
  name: 'text',
  establishedOn: 'date',
  dissolvedOn: 'date',
  unitCount: 'int',
  pack: 'text',
  settings: 'jsonb',
};
export const PERSON_COLUMNS: ColumnTypes = {
  id: 'uuid',
  ref: 'text',
  name: 'text',
  gender: 'text',
  ethnicity: 'text',
  birthDate: 'date',
  education: 'text',
  title: 'text',
  phone: 'text',
  idNumberEnc: 'text',
  idNumberHash: 'text',
  idNumberMasked: 'text',
  flags: 'jsonb',
};
export const MEMBERSHIP_COLUMNS: ColumnTypes = {
  id: 'uuid',
  personId: 'uuid',
  orgId: 'uuid',
  orgPath: 'text',
  status: 'text',
  validFrom: 'date',
  validTo: 'date',
  note: 'text',
};
export const POSITION_COLUMNS: ColumnTypes = {
  id: 'uuid',
  personId: 'uuid',
  orgId: 'uuid',
  role: 'text',
  duty: 'text',
  validFrom: 'date',
  validTo: 'date',
  electionId: 'uuid',
};
export const ELECTION_COLUMNS: ColumnTypes = {
  id: 'uuid',
  orgId: 'uuid',
  heldOn: 'date',
  kind: 'text',
  termYears: 'int',
  note: 'text',
};
export const MEETING_COLUMNS: ColumnTypes = {
  id: 'uuid',
  orgId: 'uuid',
  orgPath: 'text',
  tags: 'jsonb',
  topic: 'text',
  heldAt: 'timestamptz',
  heldOn: 'date',
  endedAt: 'timestamptz',
  place: 'text',
  hostId: 'uuid',
  recorderId: 'uuid',
  lecturerId: 'uuid',
  expected: 'int',
  present: 'int',
  agenda: 'jsonb',
  minutes: 'text',
  decisions: 'jsonb',
  votes: 'jsonb',
  status: 'text',
  missing: 'jsonb',
  completeTags: 'text',
  incomplete: 'bool',
  source: 'text',
  recordedAt: 'timestamptz',
};
export const FINDING_COLUMNS: ColumnTypes = {
  id: 'uuid',
  runId: 'uuid',
  asOf: 'date',
  orgId: 'uuid',
  orgPath: 'text',
  ruleId: 'text',
  checkId: 'text',
  personId: 'uuid',
  period: 'text',
  severity: 'text',
  message: 'text',
  sourceRef: 'text',
  evidence: 'jsonb',
};

/** Columns of `annual_plan` / `plan_item` for bulk inserts (demo plans, dataset import). */
export const PLAN_COLUMNS: ColumnTypes = {
  id: 'uuid',
  orgId: 'uuid',
  orgPath: 'text',
  year: 'int',
  status: 'text',
  filedOn: 'date',
  filedBy: 'text',
};
export const PLAN_ITEM_COLUMNS: ColumnTypes = {
  id: 'uuid',
  planId: 'uuid',
  plannedOn: 'date',
  tags: 'jsonb',
  theme: 'text',
  lecturerId: 'uuid',
  note: 'text',
  meetingId: 'uuid',
};
