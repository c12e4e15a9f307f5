import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { shanghaiDate, wholeYears } from '../src/domain/dates.ts';
import { idCheckChar } from '../src/domain/people/id-number.ts';
import {
  PersonListItem,
  PersonListOrg,
  PersonListResponse,
} from '../src/shared/contracts/people.contract.ts';
import { type Session, type World, buildWorld, call, insertPerson, loginAs } from './factories.ts';
import { type TestContext, createTestContext } from './server.ts';
import { multipartXlsx } from './xlsx.ts';

const idFor = (first17: string) => first17 + idCheckChar(first17);

describe('people', () => {
  let ctx: TestContext;
  let w: World;
  let admin: Session;
  let officerA: Session;
  beforeAll(async () => {
    ctx = await createTestContext();
    w = await buildWorld(ctx);
    admin = await loginAs(ctx, w.users.admin);
    officerA = await loginAs(ctx, w.users.officerA);
  });
  afterAll(() => ctx.close());

  it("a branch officer lists only their branch's people", async () => {
    const res = (await call(ctx, officerA, 'GET', '/api/people')).json();
    expect(res.items.map((i: { name: string }) => i.name).sort()).toEqual(['李党员', '王书记']);
    expect(res.total).toBe(2);
  });

  it('filters by subtree, status, gender, age and party age, server-side paginated', async () => {
    const base = `/api/people?orgId=${w.orgs.U.id}`;
    expect((await call(ctx, admin, 'GET', base)).json().total).toBe(4);
    expect((await call(ctx, admin, 'GET', `${base}&gender=${encodeURIComponent('女')}`)).json().total).toBe(
      2,
    );
    // 李党员 born 1990-02-03 is 36 on 2026-11-24; 王书记 born 1975-05-01 is 51
    const age = (await call(ctx, admin, 'GET', `${base}&ageMin=36&ageMax=36`)).json();
    expect(age.items.map((i: { name: string }) => i.name)).toEqual(['李党员']);
    expect((await call(ctx, admin, 'GET', `${base}&ageMin=37&ageMax=50`)).json().total).toBe(0);
    // all full since 2015-07-01 → party age 11
    expect((await call(ctx, admin, 'GET', `${base}&partyAgeMin=11&partyAgeMax=11`)).json().total).toBe(4);
    expect((await call(ctx, admin, 'GET', `${base}&partyAgeMin=12`)).json().total).toBe(0);
    const page = (await call(ctx, admin, 'GET', `${base}&page=2&pageSize=3`)).json();
    expect(page.items).toHaveLength(1);
  });

  it('the list response is exactly the contract (no extra keys: it is serialized without zod)', async () => {
    const res = (await call(ctx, admin, 'GET', `/api/people?orgId=${w.orgs.U.id}&pageSize=2`)).json();
    const strict = PersonListResponse.extend({
      items: z.array(PersonListItem.strict()),
      orgs: z.array(PersonListOrg.strict()),
    }).strict();
    expect(() => strict.parse(res)).not.toThrow();
    expect(res.items).toHaveLength(2);
    expect(Object.keys(res.items[0])).not.toContain('idNumberEnc');
    // ages are rendered by SQL: the same whole years as the domain's wholeYears
    const asOf = shanghaiDate(ctx.deps.clock());
    const all = (await call(ctx, admin, 'GET', `/api/people?orgId=${w.orgs.U.id}`)).json();
    for (const item of all.items) {
      expect(item.age).toBe(item.birthDate ? wholeYears(item.birthDate, asOf) : null);
      expect(item.partyAge).toBe(item.fullSince ? wholeYears(item.fullSince, asOf) : null);
    }
    expect(all.items.some((i: { age: number | null }) => i.age !== null)).toBe(true);
    // each org of the page once, with its current name and code
    const orgIds: string[] = [...new Set<string>(all.items.map((i: { orgId: string }) => i.orgId))].sort();
    expect(all.orgs.map((o: { id: string }) => o.id).sort()).toEqual(orgIds);
    const orgs = await ctx.deps.db
      .selectFrom('org')
      .select(['id', 'name', 'code'])
      .where('id', 'in', orgIds)
      .execute();
    expect([...all.orgs].sort((x, y) => x.id.localeCompare(y.id))).toEqual(
      orgs.sort((x, y) => x.id.localeCompare(y.id)),
    );
  });

  it('an empty page has no items and no orgs', async () => {
    const res = (await call(ctx, admin, 'GET', `/api/people?orgId=${w.orgs.U.id}&page=99`)).json();
    expect(res).toMatchObject({ items: [], orgs: [], page: 99 });
    expect(res.total).toBeGreaterThan(0);
  });

  it('totals from the subtree counters equal a recount, for every filter shape', async () => {
    const recount = async (orgId: string, statuses: string[] | null) =>
      Number(
        (
          await sql<{ n: number }>`select count(*)::int as n from membership m join org o on o.id = ${orgId}
            where m.valid_to is null and m.org_path like o.path || '%'
              and ${statuses ? sql`m.status in (${sql.join(statuses)})` : sql`m.status <> 'left'`}`.execute(
            ctx.deps.db,
          )
        ).rows[0].n,
      );
    for (const org of [w.orgs.U, w.orgs.G, w.orgs.A, w.orgs.X]) {
      const all = (await call(ctx, admin, 'GET', `/api/people?orgId=${org.id}`)).json().total;
      expect(all).toBe(await recount(org.id, null));
      const full = (await call(ctx, admin, 'GET', `/api/people?orgId=${org.id}&status=full`)).json().total;
      expect(full).toBe(await recount(org.id, ['full']));
      // category reaches org columns: counted from rows, same answer
      const cat = await call(
        ctx,
        admin,
        'GET',
        `/api/people?orgId=${org.id}&category=${encodeURIComponent(org.category)}`,
      );
      expect(cat.json().total).toBeLessThanOrEqual(all);
    }
    const everyone = (await call(ctx, admin, 'GET', '/api/people')).json().total;
    const rows = await sql<{ n: number }>`
      select count(*)::int as n from membership where valid_to is null and status <> 'left'`.execute(
      ctx.deps.db,
    );
    expect(everyone).toBe(Number(rows.rows[0].n));
  });

  it('masks ID numbers in the list; reveals with the PII permission and audits it', async () => {
    const list = (
      await call(ctx, admin, 'GET', `/api/people?orgId=${w.orgs.A.id}&q=${encodeURIComponent('李')}`)
    ).json();
    expect(list.items[0].idNumber).toBe('1101**********0048');
    const denied = await call(ctx, officerA, 'GET', `/api/people/${w.people.mA}/id-number`);
    expect(denied.statusCode).toBe(403);
    const shown = (await call(ctx, admin, 'GET', `/api/people/${w.people.mA}/id-number`)).json();
    expect(shown.idNumber).toBe('110105199002030048');
    const audit = await ctx.deps.db
      .selectFrom('auditLog')
      .select('action')
      .where('entityId', '=', w.people.mA)
      .where('action', '=', 'read_pii')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('refuses a bad ID number naming the field, and one that contradicts the birth date', async () => {
    const bad = await call(ctx, officerA, 'POST', '/api/people', {
      name: '错号',
      orgId: w.orgs.A.id,
      status: 'applicant',
      statusFrom: '2026-01-01',
      idNumber: '110105199002030022',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details).toEqual([{ path: 'idNumber', message: '身份证号校验位错误' }]);
    const mismatch = await call(ctx, officerA, 'POST', '/api/people', {
      name: '错生日',
      orgId: w.orgs.A.id,
      status: 'applicant',
      statusFrom: '2026-01-01',
      birthDate: '1990-02-04',
      idNumber: idFor('62010219900203001'),
    });
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().details[0].path).toBe('birthDate');
  });

  it('keeps membership history: a status change closes the old row and opens a new one', async () => {
    const id = await insertPerson(ctx.deps, {
      orgId: w.orgs.A.id,
      status: 'probationary',
      statusFrom: '2025-06-01',
      name: '预备党员甲',
    });
    const res = await call(ctx, officerA, 'POST', `/api/people/${id}/status`, {
      version: 1,
      status: 'full',
      from: '2026-06-01',
    });
    expect(res.statusCode).toBe(200);
    const d = res.json();
    expect(d.current).toMatchObject({ status: 'full', validFrom: '2026-06-01', validTo: null });
    expect(d.history.map((h: { status: string; validTo: string | null }) => [h.status, h.validTo])).toEqual([
      ['full', null],
      ['probationary', '2026-06-01'],
    ]);
    const back = await call(ctx, officerA, 'POST', `/api/people/${id}/status`, {
      version: 2,
      status: 'probationary',
      from: '2026-07-01',
    });
    expect(back.statusCode).toBe(422);
  });

  it('answers "who was a full member of A on date D" from the temporal rows', async () => {
    const id = await insertPerson(ctx.deps, {
      orgId: w.orgs.A.id,
      status: 'probationary',
      statusFrom: '2024-03-01',
      name: '时间测试',
    });
    await call(ctx, officerA, 'POST', `/api/people/${id}/status`, {
      version: 1,
      status: 'full',
      from: '2025-03-01',
    });
    const fullOn = async (d: string) =>
      (
        await sql<{
          personId: string;
        }>`select person_id from membership where org_id = ${w.orgs.A.id} and status = 'full'
        and valid_from <= ${d} and (valid_to is null or valid_to > ${d})`.execute(ctx.deps.db)
      ).rows.map((r) => r.personId);
    expect(await fullOn('2025-02-28')).not.toContain(id);
    expect(await fullOn('2025-03-01')).toContain(id);
  });

  it('refuses a transfer into a branch outside the officer scope', async () => {
    const res = await call(ctx, officerA, 'POST', `/api/people/${w.people.mA}/status`, {
      version: 1,
      status: 'full',
      orgId: w.orgs.B.id,
      from: '2026-10-01',
    });
    expect(res.statusCode).toBe(403);
    const ok = await call(ctx, admin, 'POST', `/api/people/${w.people.mB}/status`, {
      version: 1,
      status: 'full',
      orgId: w.orgs.X.id,
      from: '2026-10-01',
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().current.orgId).toBe(w.orgs.X.id);
  });

  it('edits a person with optimistic concurrency and audits the change', async () => {
    const id = await insertPerson(ctx.deps, { orgId: w.orgs.A.id, name: '编辑测试' });
    expect(
      (await call(ctx, officerA, 'PATCH', `/api/people/${id}`, { version: 1, phone: '13912345678' }))
        .statusCode,
    ).toBe(200);
    expect(
      (await call(ctx, officerA, 'PATCH', `/api/people/${id}`, { version: 1, phone: '13912345679' }))
        .statusCode,
    ).toBe(409);
    const row = await ctx.deps.db
      .selectFrom('auditLog')
      .select(['before', 'after'])
      .where('entityId', '=', id)
      .where('action', '=', 'update')
      .executeTakeFirstOrThrow();
    expect((row.after as { phone: string }).phone).toBe('13912345678');
  });

  it('exports the filtered list to xlsx with masked ID numbers', async () => {
    const res = await call(ctx, admin, 'GET', `/api/people/export.xlsx?orgId=${w.orgs.A.id}`);
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const header = ws.getRow(1).values as string[];
    expect(header).toContain('身份证号');
    const idCol = header.indexOf('身份证号');
    const values = ws.getColumn(idCol).values.slice(2).filter(Boolean);
    expect(values).toContain('1101**********0048');
    // exactly the people of A's subtree, as the list shows them
    const names = ws.getColumn(header.indexOf('姓名')).values.slice(2).filter(Boolean).map(String).sort();
    const listed = (await call(ctx, admin, 'GET', `/api/people?orgId=${w.orgs.A.id}&pageSize=200`)).json();
    expect(names).toEqual(listed.items.map((i: { name: string }) => i.name).sort());
    expect(names.length).toBeGreaterThan(0);
  });

  it('imports a roster: a bad row is named by row and field and nothing is written until fixed', async () => {
    const good = {
      name: '导入甲',
      gender: '男',
      birthDate: '1992-05-06',
      idNumber: idFor('62010219920506003'),
      status: '正式党员',
      statusFrom: '2018-06-01',
    };
    const badRow = { name: '导入乙', status: '预备党员', statusFrom: '2026/13/01' };
    const upload = async (rows: object[], dryRun: boolean) => {
      const mp = await multipartXlsx(rows);
      return ctx.app.inject({
        method: 'POST',
        url: `/api/import/roster?orgId=${w.orgs.A.id}&dryRun=${dryRun}`,
        payload: mp.payload,
        headers: { ...mp.headers, cookie: officerA.cookie, 'x-csrf-token': officerA.csrf },
      });
    };
    const countA = async () =>
      Number(
        (
          await ctx.deps.db
            .selectFrom('membership')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('orgId', '=', w.orgs.A.id)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await countA();
    const preview = (await upload([good, badRow], true)).json();
    expect(preview.errorCount).toBe(1);
    expect(preview.rows[1]).toMatchObject({
      row: 3,
      name: '导入乙',
      errors: [{ field: '状态开始日期', message: expect.stringContaining('2026/13/01') }],
    });
    const refused = (await upload([good, badRow], false)).json();
    expect(refused.written).toBe(false);
    expect(await countA()).toBe(before);
    const fixed = (await upload([good, { ...badRow, statusFrom: '2026/3/1' }], false)).json();
    expect(fixed).toMatchObject({ written: true, created: 2, errorCount: 0 });
    expect(await countA()).toBe(before + 2);
  });
});
