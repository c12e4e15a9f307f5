import { type Kysely, sql } from 'kysely';

/** Review workflow of meeting records: return comments, lock, and revisions kept with their reasons. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
alter table meeting add column review_comment text;
alter table meeting add column reviewed_by text;
alter table meeting add column reviewed_at timestamptz;
alter table meeting add column submitted_at timestamptz;

create table meeting_revision (
  id uuid primary key,
  meeting_id uuid not null references meeting(id) on delete cascade,
  version int not null,
  reason text not null check (length(reason) >= 5),
  before jsonb not null,
  revised_by text not null,
  revised_at timestamptz not null
);
create index meeting_revision_meeting on meeting_revision (meeting_id, version);
`.execute(db);
}
