import { type Kysely, sql } from 'kysely';

/**
 * Study hours and points (RULES.md §3, EDU-001…007): study records per person, the points catalog
 * (global or per org subtree), points entries with approval, quarterly publications, and the
 * per-subtree setting that credits attended study-type meetings as hours.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
create table study_record (
  id uuid primary key,
  person_id uuid not null references person(id),
  org_id uuid not null references org(id),
  org_path text collate "C" not null,
  studied_on date not null,
  hours numeric(6,1) not null check (hours > 0 and hours <= 24),
  kind text not null check (kind in ('concentrated_training','collective_study','online','self_study')),
  title text,
  provider text,
  source text not null default 'manual' check (source in ('manual','import')),
  recorded_at timestamptz not null,
  recorded_by text not null,
  version int not null default 1,
  created_at timestamptz not null default now()
);
create index study_record_person on study_record (person_id, studied_on);
create index study_record_path on study_record (org_path, studied_on);

create table study_credit_setting (
  org_id uuid primary key references org(id),
  org_path text collate "C" not null,
  tags jsonb not null,
  mode text not null check (mode in ('per_meeting','duration')),
  hours_per_meeting numeric(4,1) not null check (hours_per_meeting > 0),
  kind text not null default 'collective_study'
    check (kind in ('concentrated_training','collective_study','online','self_study')),
  updated_by text not null,
  updated_at timestamptz not null,
  version int not null default 1
);

create table points_item (
  id uuid primary key,
  org_id uuid references org(id),
  org_path text collate "C",
  code text not null,
  name text not null,
  points numeric(6,1) not null,
  cap_per_month numeric(6,1) check (cap_per_month is null or cap_per_month > 0),
  cap_per_year numeric(6,1) check (cap_per_year is null or cap_per_year > 0),
  needs_approval boolean not null default false,
  active boolean not null default true,
  version int not null default 1,
  created_at timestamptz not null default now()
);
create unique index points_item_code on points_item ((coalesce(org_path, '')), code);

create table points_entry (
  id uuid primary key,
  person_id uuid not null references person(id),
  item_id uuid not null references points_item(id),
  org_id uuid not null references org(id),
  org_path text collate "C" not null,
  earned_on date not null,
  points numeric(6,1) not null,
  note text,
  status text not null check (status in ('pending','approved','rejected')),
  decided_by text,
  decided_at timestamptz,
  reason text,
  recorded_by text not null,
  recorded_at timestamptz not null,
  version int not null default 1,
  created_at timestamptz not null default now()
);
create index points_entry_path on points_entry (org_path, earned_on);
create index points_entry_person on points_entry (person_id, earned_on);

create table points_publication (
  id uuid primary key,
  org_id uuid not null references org(id),
  org_path text collate "C" not null,
  period text not null check (period ~ '^[0-9]{4}-Q[1-4]$'),
  published_by text not null,
  published_at timestamptz not null,
  snapshot jsonb not null,
  unique (org_id, period)
);
create index points_publication_path on points_publication (org_path, period);
`.execute(db);
}
