import { type Kysely, sql } from 'kysely';

/** Personal calendar (ICS) feed tokens: only a SHA-256 of the secret is stored; revoked tokens stay for the record. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
create table calendar_token (
  id uuid primary key,
  user_id uuid not null references app_user(id) on delete cascade,
  token_hash text not null unique,
  created_at timestamptz not null,
  revoked_at timestamptz,
  last_used_at timestamptz
);
create index calendar_token_user on calendar_token (user_id) where revoked_at is null;
`.execute(db);
}
