import { type Kysely, sql } from 'kysely';

/** Annual plans (年度计划, LIFE-014): one per branch and year, filed with the parent org; planned meetings. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
create table annual_plan (
  id uuid primary key,
  org_id uuid not null references org(id),
  org_path text collate "C" not null,
  year int not null check (year between 2000 and 2100),
  status text not null default 'draft' check (status in ('draft','filed')),
  filed_on date,
  filed_by text,
  version int not null default 1,
  created_at timestamptz not null default now(),
  unique (org_id, year),
  check ((status = 'filed') = (filed_on is not null))
);
create index annual_plan_path_year on annual_plan (org_path, year);

create table plan_item (
  id uuid primary key,
  plan_id uuid not null references annual_plan(id) on delete cascade,
  planned_on date not null,
  tags jsonb not null,
  theme text not null,
  lecturer_id uuid references person(id),
  note text,
  meeting_id uuid references meeting(id) on delete set null
);
create index plan_item_plan on plan_item (plan_id, planned_on);
`.execute(db);
}
