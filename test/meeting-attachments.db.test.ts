import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, type World, buildWorld, call, insertUser, loginAs } from './factories.ts';
import { PDF, PNG, multipartFile } from './files.ts';
import { type TestContext, createTestContext } from './server.ts';

describe('meeting attachments (photos, 签到表): typed by content, size-limited, stored once, scoped', () => {
  let ctx: TestContext;
  let w: World;
  let secretary: Session;
  let reviewer: Session;
  let foreign: Session;
  beforeAll(async () => {
    ctx = await createTestContext();
    w = await buildWorld(ctx);
    secretary = await loginAs(ctx, w.users.officerA);
    foreign = await loginAs(ctx, w.users.orgAdminC2);
    await insertUser(ctx.deps, 'reviewerGatt', [{ role: 'org_admin', orgCode: w.orgs.G.code }]);
    reviewer = await loginAs(ctx, 'reviewerGatt');
  });
  afterAll(() => ctx.close());

  const record = async () =>
    (
      await call(ctx, secretary, 'POST', `/api/orgs/${w.orgs.A.id}/meetings`, {
        tags: ['committee_meeting'],
        topic: '研究11月支部工作',
        heldAt: '2026-11-23T14:30:00+08:00',
        endedAt: '2026-11-23T16:00:00+08:00',
        place: '党员活动室',
        hostId: w.people.sA,
        recorderId: w.people.mA,
        expected: 2,
        attendance: [
          { personId: w.people.sA, status: 'present' },
          { personId: w.people.mA, status: 'present' },
        ],
        agenda: [{ title: '学习', first_topic: true }],
        minutes: '逐项研究',
        decisions: ['同意'],
      })
    ).json() as { id: string; version: number };

  const upload = (s: Session | null, id: string, name: string, body: Buffer, query = 'kind=photo') => {
    const mp = multipartFile(name, body);
    return ctx.app.inject({
      method: 'POST',
      url: `/api/meetings/${id}/attachments?${query}`,
      headers: { ...(s ? { cookie: s.cookie, 'x-csrf-token': s.csrf } : {}), ...mp.headers },
      payload: mp.payload,
    });
  };

  it('accepts a png and a pdf, lists them and serves the content back', async () => {
    const m = await record();
    const photo = await upload(secretary, m.id, 'IMG_0001.png', PNG);
    expect(photo.statusCode, photo.body).toBe(201);
    expect(photo.json()).toMatchObject({
      kind: 'photo',
      fileName: 'IMG_0001.png',
      mime: 'image/png',
      size: PNG.length,
    });
    const sheet = await upload(secretary, m.id, '签到表.pdf', PDF, 'kind=sign_in');
    expect(sheet.json()).toMatchObject({ kind: 'sign_in', mime: 'application/pdf' });
    const list = (await call(ctx, secretary, 'GET', `/api/meetings/${m.id}/attachments`)).json();
    expect(list).toMatchObject({ editable: true, revisable: false, maxBytes: 10 * 1024 * 1024 });
    expect(list.items.map((a: { fileName: string }) => a.fileName)).toEqual(['IMG_0001.png', '签到表.pdf']);
    const got = await call(ctx, secretary, 'GET', `/api/meetings/${m.id}/attachments/${sheet.json().id}`);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.rawPayload.equals(PDF)).toBe(true);
  });

  it('refuses a file that is not jpeg/png/webp/pdf by its content, naming the file', async () => {
    const m = await record();
    const res = await upload(secretary, m.id, '照片.jpg', Buffer.from('PK\u0003\u0004 not really a jpeg'));
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('照片.jpg');
  });

  it('refuses a file over the size limit (10 MB), naming it; exactly the limit is accepted', async () => {
    const m = await record();
    const limit = 10 * 1024 * 1024;
    const big = Buffer.concat([PNG, Buffer.alloc(limit + 1 - PNG.length)]);
    const res = await upload(secretary, m.id, '大照片.png', big);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('大照片.png');
    const exact = await upload(secretary, m.id, '刚好.png', big.subarray(0, limit));
    expect(exact.statusCode, exact.body).toBe(201);
  });

  it('stores the same content once, and keeps it until its last attachment is removed', async () => {
    const m1 = await record();
    const m2 = await record();
    const same = Buffer.concat([PNG, Buffer.from('dedupe')]);
    const a = (await upload(secretary, m1.id, 'a.png', same)).json();
    const b = (await upload(secretary, m2.id, 'b.png', same)).json();
    expect(a.sha256).toBe(b.sha256);
    const count = async () =>
      (
        await ctx.deps.db
          .selectFrom('blob')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('sha256', '=', a.sha256)
          .executeTakeFirstOrThrow()
      ).n;
    expect(Number(await count())).toBe(1);
    expect(
      (await call(ctx, secretary, 'DELETE', `/api/meetings/${m1.id}/attachments/${a.id}`)).statusCode,
    ).toBe(204);
    expect(Number(await count())).toBe(1);
    await call(ctx, secretary, 'DELETE', `/api/meetings/${m2.id}/attachments/${b.id}`);
    expect(Number(await count())).toBe(0);
  });

  it('refuses a foreign caller: upload, list, download and delete', async () => {
    const m = await record();
    const own = (await upload(secretary, m.id, 'x.png', PNG)).json();
    expect([403, 404]).toContain((await upload(foreign, m.id, 'y.png', PNG)).statusCode);
    expect([403, 404]).toContain(
      (await call(ctx, foreign, 'GET', `/api/meetings/${m.id}/attachments`)).statusCode,
    );
    const url = `/api/meetings/${m.id}/attachments/${own.id}`;
    expect([403, 404]).toContain((await call(ctx, foreign, 'GET', url)).statusCode);
    expect([403, 404]).toContain((await call(ctx, foreign, 'DELETE', url)).statusCode);
    expect((await upload(null, m.id, 'z.png', PNG)).statusCode).toBe(401);
  });

  it('takes no files while submitted; on a locked record only as a revision with a reason, and none deleted', async () => {
    const m = await record();
    const first = (await upload(secretary, m.id, 'first.png', PNG)).json();
    await call(ctx, secretary, 'POST', `/api/meetings/${m.id}/submit`, { version: 1 });
    expect((await upload(secretary, m.id, 'late.png', PNG)).statusCode).toBe(422);
    await call(ctx, reviewer, 'POST', `/api/meetings/${m.id}/review`, { version: 2, action: 'lock' });
    const plain = await upload(secretary, m.id, '签到表.pdf', PDF, 'kind=sign_in');
    expect(plain.statusCode).toBe(422);
    expect(plain.json().code).toBe('meeting_locked');
    const reason = encodeURIComponent('补充会议签到表扫描件');
    const revised = await upload(
      secretary,
      m.id,
      '签到表.pdf',
      PDF,
      `kind=sign_in&version=3&reason=${reason}`,
    );
    expect(revised.statusCode, revised.body).toBe(201);
    const view = (await call(ctx, secretary, 'GET', `/api/meetings/${m.id}`)).json();
    expect(view).toMatchObject({ status: 'reviewed', version: 4 });
    expect(view.revisions).toMatchObject([{ version: 3, reason: '补充会议签到表扫描件' }]);
    const del = await call(ctx, secretary, 'DELETE', `/api/meetings/${m.id}/attachments/${first.id}`);
    expect(del.statusCode).toBe(422);
    const list = (await call(ctx, secretary, 'GET', `/api/meetings/${m.id}/attachments`)).json();
    expect(list).toMatchObject({ editable: false, revisable: true });
    expect(list.items).toHaveLength(2);
  });
});
