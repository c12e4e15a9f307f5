import { type Kysely, sql } from 'kysely';

/**
 * Attachments of meeting records (photos, 签到表 sign-in sheets, other scans). The bytes live once per
 * content hash in `blob` (bytea: the same on PGlite and PostgreSQL); attachments point at them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
create table blob (
  sha256 text primary key check (sha256 ~ '^[0-9a-f]{64}$'),
  size int not null check (size >= 0),
  content bytea not null,
  created_at timestamptz not null default now()
);

create table meeting_attachment (
  id uuid primary key,
  meeting_id uuid not null references meeting(id) on delete cascade,
  kind text not null check (kind in ('photo','sign_in','other')),
  file_name text not null,
  mime text not null,
  size int not null check (size >= 0),
  sha256 text not null references blob(sha256),
  uploaded_by text not null,
  uploaded_at timestamptz not null
);
create index meeting_attachment_meeting on meeting_attachment (meeting_id, uploaded_at);
create index meeting_attachment_sha on meeting_attachment (sha256);
`.execute(db);
}
