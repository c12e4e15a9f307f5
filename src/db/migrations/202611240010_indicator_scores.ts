import { type Kysely, sql } from 'kysely';

/**
 * Human scores of MANUAL/SEMI indicators: per org, pack, indicator and period (year), one 自评 row
 * (kind 'self', by the branch) and one 考评 row (kind 'final', by an evaluator above it). Every change is
 * audited with before/after, so the history is the audit log.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
create table indicator_score (
  id uuid primary key,
  org_id uuid not null references org(id),
  org_path text collate "C" not null,
  pack_id text not null,
  indicator_id text not null,
  period text not null check (period ~ '^[0-9]{4}$'),
  kind text not null check (kind in ('self', 'final')),
  score numeric(6,2),
  confirmed boolean,
  comment text,
  evidence jsonb not null default '[]',
  scored_by text not null,
  scored_at timestamptz not null,
  version integer not null default 1,
  unique (org_id, pack_id, indicator_id, period, kind)
);
create index indicator_score_path on indicator_score (org_path);
`.execute(db);
}
