import { type Kysely, sql } from 'kysely';

/** Meetings (三会一课, 主题党日, 组织生活会 …) with attendance; the base of the LIFE rules. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
create table meeting (
  id uuid primary key,
  org_id uuid not null references org(id),
  org_path text collate "C" not null,
  tags jsonb not null,
  topic text,
  held_at timestamptz not null,
  held_on date not null,
  ended_at timestamptz,
  place text,
  host_id uuid references person(id),
  recorder_id uuid references person(id),
  lecturer_id uuid references person(id),
  expected int check (expected is null or expected >= 0),
  present int check (present is null or present >= 0),
  agenda jsonb not null default '[]',
  minutes text,
  decisions jsonb not null default '[]',
  votes jsonb not null default '[]',
  status text not null default 'held' check (status in ('planned','held','submitted','returned','reviewed')),
  missing jsonb not null default '{}',
  complete_tags text not null default '',
  incomplete boolean not null default false,
  source text not null default 'web' check (source in ('web','import')),
  recorded_at timestamptz not null,
  version int not null default 1,
  created_at timestamptz not null default now()
);
create index meeting_path_held on meeting (org_path, held_on);
create index meeting_incomplete on meeting (org_path, held_on) where incomplete;
create index meeting_org_held on meeting (org_id, held_at);

create table meeting_attendance (
  meeting_id uuid not null references meeting(id) on delete cascade,
  person_id uuid not null references person(id),
  status text not null check (status in ('present','absent','leave')),
  reason text,
  primary key (meeting_id, person_id)
);
create index meeting_attendance_person on meeting_attendance (person_id);
`.execute(db);
}
