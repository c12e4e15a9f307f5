import { type Kysely, sql } from 'kysely';

/** Stored findings: each run (full or incremental) replaces the findings of the subtree it evaluated. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
create table compliance_run (
  id uuid primary key,
  kind text not null check (kind in ('full','incremental')),
  as_of date not null,
  root_org_id uuid references org(id),
  root_path text collate "C" not null,
  started_at timestamptz not null,
  finished_at timestamptz not null,
  finding_count int not null
);
create index compliance_run_started on compliance_run (started_at);

create table finding (
  id uuid primary key,
  run_id uuid not null references compliance_run(id),
  as_of date not null,
  org_id uuid not null references org(id),
  org_path text collate "C" not null,
  rule_id text not null,
  check_id text not null,
  person_id uuid references person(id),
  period text not null,
  severity text not null check (severity in ('info','warn','violation')),
  message text not null,
  source_ref text not null,
  evidence jsonb not null default '{}'
);
create index finding_path on finding (org_path, severity);
create index finding_rule on finding (rule_id);
`.execute(db);
}
