import { type Kysely, sql } from 'kysely';

/**
 * Deletes and re-derives the list items of the people chosen by `ids` (a query returning person ids
 * that may read the trigger's transition tables).
 */
const refresh = (ids: string) => `
  delete from person_list_item where person_id in (${ids});
  insert into person_list_item (person_id, birth_key, full_key, item)
    select s.person_id, s.birth_key, s.full_key, s.item from person_list_item_source s
    where s.person_id in (${ids});`;

/** Membership rows whose change alters an item (an org move rewrites only org_path: no item changes). */
const MEMBERSHIP_CHANGED = `
  select o.person_id from old_rows o left join new_rows n on n.id = o.id
    where n.id is null or (o.person_id, o.org_id, o.status, o.valid_from, o.valid_to)
      is distinct from (n.person_id, n.org_id, n.status, n.valid_from, n.valid_to)
  union
  select n.person_id from new_rows n left join old_rows o on o.id = n.id
    where o.id is null or (o.person_id, o.org_id, o.status, o.valid_from, o.valid_to)
      is distinct from (n.person_id, n.org_id, n.status, n.valid_from, n.valid_to)`;

const PERSON_CHANGED = `
  select n.id from new_rows n join old_rows o on o.id = n.id
    where (o.name, o.gender, o.birth_date, o.education, o.phone, o.id_number_masked)
      is distinct from (n.name, n.gender, n.birth_date, n.education, n.phone, n.id_number_masked)`;

/**
 * The member list's rows rendered ahead of time: one row per person with a current membership,
 * holding the list item (PersonListItem) as compact JSON text, open at the end, without the two ages —
 * those depend on the day and are added when read, from yyyymmdd integer keys (`age`, `partyAge`:
 * services/people/date-keys.ts). Reading a page is then one index-only walk of the current-membership
 * index plus 50 primary-key probes, instead of joining person, org and the first full membership and
 * building JSON per request (PostgreSQL's json_build_object alone was a third of the route's database
 * time; docs/benchmarks.md `list`). Org names are not in the items: a page lists its orgs once.
 *
 * Kept by statement-level triggers with transition tables — on membership (a row whose person, org,
 * status or dates changed) and person (the shown fields) — each re-deriving the affected people's
 * items from `person_list_item_source`, the view that defines them. A bulk import re-derives once per
 * statement. `test/person-list-item.db.test.ts` holds the table equal to the view
 * after every kind of write.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
create function zhibu_date_key(d date) returns integer language sql immutable parallel safe as $$
  select (extract(year from d) * 10000 + extract(month from d) * 100 + extract(day from d))::integer
$$;
create function zhibu_json_text(v anyelement) returns text language sql stable parallel safe as $$
  select coalesce(to_json(v)::text, 'null')
$$;

create view person_list_item_source as
  select m.person_id, zhibu_date_key(p.birth_date) as birth_key, zhibu_date_key(fs.d) as full_key,
    '{"id":' || zhibu_json_text(p.id) || ',"name":' || zhibu_json_text(p.name)
    || ',"gender":' || zhibu_json_text(p.gender) || ',"birthDate":' || zhibu_json_text(p.birth_date)
    || ',"education":' || zhibu_json_text(p.education) || ',"phone":' || zhibu_json_text(p.phone)
    || ',"idNumber":' || zhibu_json_text(p.id_number_masked) || ',"status":' || zhibu_json_text(m.status)
    || ',"statusSince":' || zhibu_json_text(m.valid_from) || ',"orgId":' || zhibu_json_text(m.org_id)
    || ',"fullSince":' || zhibu_json_text(fs.d) as item
  from membership m
  join person p on p.id = m.person_id
  left join lateral (
    select min(f.valid_from) as d from membership f where f.person_id = m.person_id and f.status = 'full'
  ) fs on true
  where m.valid_to is null;

create table person_list_item (
  person_id uuid primary key,
  birth_key integer,
  full_key integer,
  item text not null
);
insert into person_list_item (person_id, birth_key, full_key, item)
  select person_id, birth_key, full_key, item from person_list_item_source;

create function zhibu_list_item_membership() returns trigger language plpgsql as $$
begin
  if TG_OP = 'INSERT' then
    ${sql.raw(refresh('select person_id from new_rows'))}
  elsif TG_OP = 'DELETE' then
    ${sql.raw(refresh('select person_id from old_rows'))}
  else
    ${sql.raw(refresh(MEMBERSHIP_CHANGED))}
  end if;
  return null;
end $$;
create function zhibu_list_item_person() returns trigger language plpgsql as $$
begin
  ${sql.raw(refresh(PERSON_CHANGED))}
  return null;
end $$;

create trigger membership_list_item_insert after insert on membership
  referencing new table as new_rows for each statement execute function zhibu_list_item_membership();
create trigger membership_list_item_update after update on membership
  referencing old table as old_rows new table as new_rows for each statement execute function zhibu_list_item_membership();
create trigger membership_list_item_delete after delete on membership
  referencing old table as old_rows for each statement execute function zhibu_list_item_membership();
create trigger person_list_item_update after update on person
  referencing old table as old_rows new table as new_rows for each statement execute function zhibu_list_item_person();
`.execute(db);
}
