import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDataset } from '../src/services/dataset/dataset-import.ts';
import { SYSTEM_ACTOR } from '../src/services/deps.ts';
import { moveOrg, updateOrg } from '../src/services/org/org-write.service.ts';
import { changeStatus, updatePerson } from '../src/services/people/person-write.service.ts';
import { listRows } from '../src/shared/contracts/people.contract.ts';
import { smallUniversity } from './datasets.ts';
import {
  ADMIN_SCOPE,
  type Session,
  type World,
  buildWorld,
  call,
  insertPerson,
  loginAs,
  versionOf,
} from './factories.ts';
import { type TestContext, createTestContext } from './server.ts';

type Row = { personId: string; birthKey: number | null; fullKey: number | null; item: string };

/** The kept items and the same items derived now from membership, person and org (the view). */
async function keptVsDerived(ctx: TestContext) {
  const q = (t: 'personListItem' | 'personListItemSource') =>
    ctx.deps.db
      .selectFrom(t)
      .select(['personId', 'birthKey', 'fullKey', 'item'])
      .orderBy('personId')
      .execute();
  return { kept: (await q('personListItem')) as Row[], derived: (await q('personListItemSource')) as Row[] };
}

async function expectInStep(ctx: TestContext) {
  const { kept, derived } = await keptVsDerived(ctx);
  expect(kept).toEqual(derived);
  return kept;
}

describe('person_list_item: the member list rows, kept by triggers on membership and person', () => {
  let ctx: TestContext;
  let w: World;
  let admin: Session;
  const listed = async (orgId: string) =>
    listRows((await call(ctx, admin, 'GET', `/api/people?orgId=${orgId}&includeLeft=true`)).json());

  beforeAll(async () => {
    ctx = await createTestContext();
    w = await buildWorld(ctx);
    admin = await loginAs(ctx, w.users.admin);
  });
  afterAll(() => ctx.close());

  it('holds one item per person with a current membership, for the people created through the service', async () => {
    const kept = await expectInStep(ctx);
    const current = await ctx.deps.db
      .selectFrom('membership')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('validTo', 'is', null)
      .executeTakeFirstOrThrow();
    expect(kept.length).toBe(Number(current.n));
    expect(kept.length).toBeGreaterThan(0);
  });

  it('follows an edit of the shown fields (name, phone) and ignores one of hidden fields', async () => {
    await updatePerson(ctx.deps, ADMIN_SCOPE, SYSTEM_ACTOR, w.people.mA, {
      version: await versionOf(ctx.deps, 'person', w.people.mA),
      name: '李改名',
      phone: '13900000001',
    });
    await expectInStep(ctx);
    const item = (await listed(w.orgs.A.id)).find((i) => i.id === w.people.mA)!;
    expect(item).toMatchObject({ name: '李改名', phone: '13900000001' });
    await updatePerson(ctx.deps, ADMIN_SCOPE, SYSTEM_ACTOR, w.people.mA, {
      version: await versionOf(ctx.deps, 'person', w.people.mA),
      title: '讲师',
    });
    await expectInStep(ctx);
  });

  it('follows a status change with a transfer: the new status, date and org are shown', async () => {
    await changeStatus(ctx.deps, ADMIN_SCOPE, SYSTEM_ACTOR, w.people.mA, {
      version: await versionOf(ctx.deps, 'person', w.people.mA),
      status: 'full',
      orgId: w.orgs.B.id,
      from: '2026-01-05',
    });
    await expectInStep(ctx);
    expect((await listed(w.orgs.A.id)).map((i) => i.id)).not.toContain(w.people.mA);
    const item = (await listed(w.orgs.B.id)).find((i) => i.id === w.people.mA)!;
    expect(item).toMatchObject({ status: 'full', statusSince: '2026-01-05' });
  });

  it('an org rename shows on the list at once (orgs are read per page) and an org move keeps the items', async () => {
    await updateOrg(ctx.deps, ADMIN_SCOPE, SYSTEM_ACTOR, w.orgs.B.id, {
      version: await versionOf(ctx.deps, 'org', w.orgs.B.id),
      name: '改名后的党支部',
    });
    await expectInStep(ctx);
    const names = (await listed(w.orgs.B.id)).map((i) => i.orgName);
    expect(names.length).toBeGreaterThan(0);
    expect(new Set(names)).toEqual(new Set(['改名后的党支部']));
    await moveOrg(ctx.deps, ADMIN_SCOPE, SYSTEM_ACTOR, w.orgs.B.id, {
      version: await versionOf(ctx.deps, 'org', w.orgs.B.id),
      parentId: w.orgs.C2.id,
    });
    await expectInStep(ctx);
    expect((await listed(w.orgs.C2.id)).map((i) => i.id)).toContain(w.people.mA);
  });

  it('follows a bulk import (one statement per table) and deletes', async () => {
    const report = await importDataset(ctx.deps, SYSTEM_ACTOR, smallUniversity());
    expect(report.written).toBe(true);
    await insertPerson(ctx.deps, { orgId: w.orgs.X.id, status: 'probationary' });
    await expectInStep(ctx);
    await ctx.deps.db.deleteFrom('membership').where('orgId', '=', w.orgs.X.id).execute();
    await expectInStep(ctx);
    expect(await listed(w.orgs.X.id)).toEqual([]);
  });

  it('follows writes made by plain SQL, and rolls back with their transaction', async () => {
    await sql`update person set name = name || '（改）' where id = ${w.people.mB}`.execute(ctx.deps.db);
    await expectInStep(ctx);
    const before = await keptVsDerived(ctx);
    await expect(
      ctx.deps.db.transaction().execute(async (trx) => {
        await trx
          .updateTable('membership')
          .set({ validTo: '2026-02-01' })
          .where('validTo', 'is', null)
          .execute();
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await keptVsDerived(ctx)).toEqual(before);
  });
});
