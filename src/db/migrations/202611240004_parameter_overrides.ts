import { type Kysely, sql } from 'kysely';

/** Local overrides of standard-pack parameters for a subtree, each with a written reason (audited). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
create table parameter_override (
  id uuid primary key,
  org_id uuid not null references org(id),
  org_path text collate "C" not null,
  key text not null,
  value jsonb not null,
  reason text not null check (length(reason) >= 5),
  created_by text not null,
  created_at timestamptz not null,
  unique (org_id, key)
);
create index parameter_override_path on parameter_override (org_path);
`.execute(db);
}
