import { type Kysely, sql } from 'kysely';

/**
 * Current membership rows (`valid_to is null`) counted per org SUBTREE and status: a row of org path
 * '/1/2s/3/' counts for '/', '/1/', '/1/2s/' and '/1/2s/3/'. The member list's total is then one index
 * probe (a handful of rows) instead of counting thousands of index entries per page (docs/benchmarks.md
 * `list`). Kept by statement-level triggers on `membership` with transition tables: one grouped upsert
 * per statement (a bulk import of 350k rows groups to ~6k org × status rows before expanding to
 * ancestors). An org move rewrites its members' paths: old prefixes lose them, new ones gain them.
 * Keys are upserted in order ('/' first), so writers queue on the root row instead of deadlocking.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
create table subtree_member_count (
  subtree_path text collate "C" not null,
  status text not null,
  n integer not null,
  primary key (subtree_path, status)
);

create function zhibu_path_prefixes(p text) returns setof text language sql immutable as $$
  select left(p, g) from generate_series(1, length(p)) g where substr(p, g, 1) = '/'
$$;

insert into subtree_member_count (subtree_path, status, n)
  select x, r.status, sum(r.n) from (
    select org_path, status, count(*) as n from membership where valid_to is null group by 1, 2
  ) r cross join lateral zhibu_path_prefixes(r.org_path) x
  group by 1, 2;

create function zhibu_member_count() returns trigger language plpgsql as $$
begin
  if TG_OP = 'INSERT' then
    insert into subtree_member_count as c (subtree_path, status, n)
      select x, r.status, sum(r.n) from (
        select org_path, status, count(*) as n from new_rows where valid_to is null group by 1, 2
      ) r cross join lateral zhibu_path_prefixes(r.org_path) x
      group by 1, 2 order by 1, 2
      on conflict (subtree_path, status) do update set n = c.n + excluded.n;
  elsif TG_OP = 'DELETE' then
    insert into subtree_member_count as c (subtree_path, status, n)
      select x, r.status, -sum(r.n) from (
        select org_path, status, count(*) as n from old_rows where valid_to is null group by 1, 2
      ) r cross join lateral zhibu_path_prefixes(r.org_path) x
      group by 1, 2 order by 1, 2
      on conflict (subtree_path, status) do update set n = c.n + excluded.n;
  else
    insert into subtree_member_count as c (subtree_path, status, n)
      select x, r.status, sum(r.n) from (
        select org_path, status, sum(d) as n from (
          select org_path, status, -1 as d from old_rows where valid_to is null
          union all
          select org_path, status, 1 from new_rows where valid_to is null
        ) u group by 1, 2 having sum(d) <> 0
      ) r cross join lateral zhibu_path_prefixes(r.org_path) x
      group by 1, 2 having sum(r.n) <> 0 order by 1, 2
      on conflict (subtree_path, status) do update set n = c.n + excluded.n;
  end if;
  return null;
end $$;

create trigger membership_count_insert after insert on membership
  referencing new table as new_rows for each statement execute function zhibu_member_count();
create trigger membership_count_update after update on membership
  referencing old table as old_rows new table as new_rows for each statement execute function zhibu_member_count();
create trigger membership_count_delete after delete on membership
  referencing old table as old_rows for each statement execute function zhibu_member_count();
`.execute(db);
  // the first day as a full member (party age, DEV-024) is read for every row of a member-list page:
  // an index-only min instead of fetching each person's membership rows to filter on status
  await sql`create index membership_full_since on membership (person_id, valid_from) where status = 'full'`.execute(
    db,
  );
  await upAuthNotify(db);
}

/**
 * Sessions are cached for a few seconds in each app process (services/session-cache.ts); any change
 * to what a cached caller holds — a session ended, a user changed, a grant changed, an org renamed or
 * moved (grants carry org names and paths) — is announced on channel `zhibu_auth` at commit, from the
 * database itself, so every writer (app, CLI, another instance, SQL by hand) invalidates every cache.
 */
async function upAuthNotify(db: Kysely<unknown>): Promise<void> {
  await sql`
create function zhibu_auth_changed() returns trigger language plpgsql as $$
begin
  perform pg_notify('zhibu_auth', tg_table_name);
  return null;
end $$;
create trigger user_session_ended after delete on user_session
  for each statement execute function zhibu_auth_changed();
create trigger app_user_changed after update or delete on app_user
  for each statement execute function zhibu_auth_changed();
create trigger user_grant_changed after insert or update or delete on user_grant
  for each statement execute function zhibu_auth_changed();
create trigger org_renamed_or_moved after update of path, name, code on org
  for each statement execute function zhibu_auth_changed();
`.execute(db);
}
