import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateCompliance } from '../src/services/compliance/evaluate.ts';
import { type Session, type World, buildWorld, call, insertPerson, loginAs } from './factories.ts';
import { type MeetingSheetRow, multipartMeetingXlsx } from './meeting-xlsx.ts';
import { type TestContext, createTestContext } from './server.ts';

describe('meeting records from a spreadsheet: gaps kept, marked incomplete (LIFE-015)', () => {
  let ctx: TestContext;
  let w: World;
  let officerA: Session;
  let officerB: Session;
  beforeAll(async () => {
    ctx = await createTestContext();
    w = await buildWorld(ctx);
    officerA = await loginAs(ctx, w.users.officerA);
    officerB = await loginAs(ctx, w.users.officerB);
  });
  afterAll(() => ctx.close());

  const upload = async (who: Session, rows: MeetingSheetRow[], dryRun: boolean, orgId = w.orgs.A.id) => {
    const { payload, headers } = await multipartMeetingXlsx(rows);
    return ctx.app.inject({
      method: 'POST',
      url: `/api/orgs/${orgId}/meetings/import?dryRun=${dryRun}`,
      payload,
      headers: { ...headers, cookie: who.cookie, 'x-csrf-token': who.csrf },
    });
  };
  const meetingsOfA = async () =>
    ctx.deps.db.selectFrom('meeting').selectAll().where('orgId', '=', w.orgs.A.id).execute();
  const complete: MeetingSheetRow = {
    heldAt: '2026-10-15 14:30',
    endedAt: '16:00',
    tags: '支委会、党员大会',
    place: '党员活动室',
    host: '王书记',
    recorder: '李党员',
    topic: '研究10月支部工作',
    agenda: '【第一议题】学习重要讲话精神\n研究发展对象',
    expected: 2,
    minutes: '逐项研究……',
    decisions: '同意发展对象人选',
  };

  it('serves the template with the 会议记录 headers and a 填写说明 sheet', async () => {
    const res = await call(ctx, officerA, 'GET', `/api/orgs/${w.orgs.A.id}/meetings/import-template.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(encodeURIComponent('会议记录导入模板'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const headers = (wb.worksheets[0].getRow(1).values as unknown[]).slice(1).map((v) => String(v));
    expect(headers.map((h) => h.replace('*', ''))).toEqual([
      '会议日期时间',
      '结束时间',
      '会议类型',
      '地点',
      '主持人',
      '记录人',
      '主题',
      '议程',
      '应到人数',
      '缺席人员',
      '请假人员',
      '会议纪要',
      '决议',
    ]);
    expect(wb.getWorksheet('填写说明')).toBeDefined();
  });

  it('refuses a row with an unknown type label, naming row 3 and 会议类型; writes nothing', async () => {
    const res = await upload(
      officerA,
      [complete, { ...complete, heldAt: '2026-10-20 09:00', tags: '座谈会' }],
      false,
    );
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ written: false, created: 0, errorCount: 1 });
    expect(body.rows[0].errors).toEqual([]);
    expect(body.rows[1]).toMatchObject({ row: 3 });
    expect(body.rows[1].errors).toEqual([{ field: '会议类型', message: expect.stringContaining('座谈会') }]);
    expect(await meetingsOfA()).toHaveLength(0);
  });

  it('names an unknown person and a malformed date by row and column', async () => {
    const res = await upload(
      officerA,
      [
        { ...complete, recorder: '孙不存在' },
        { ...complete, heldAt: '2026-13-40 14:30' },
      ],
      false,
    );
    const rows = res.json().rows;
    expect(rows[0]).toMatchObject({
      row: 2,
      errors: [{ field: '记录人', message: expect.stringContaining('孙不存在') }],
    });
    expect(rows[1]).toMatchObject({
      row: 3,
      errors: [{ field: '会议日期时间', message: expect.any(String) }],
    });
    expect(await meetingsOfA()).toHaveLength(0);
  });

  it('names an ambiguous name (two members of the branch share it)', async () => {
    await insertPerson(ctx.deps, { orgId: w.orgs.B.id, name: '周同名' });
    await insertPerson(ctx.deps, { orgId: w.orgs.B.id, name: '周同名' });
    const res = await upload(officerB, [{ ...complete, host: '周同名', recorder: '' }], true, w.orgs.B.id);
    expect(res.json().rows[0].errors).toEqual([
      { field: '主持人', message: expect.stringContaining('2 名同名') },
    ]);
  });

  it('refuses an officer of another branch', async () => {
    const res = await upload(officerB, [complete], true);
    expect(res.statusCode).toBe(403);
  });

  it('dry run previews; a row lacking 记录人 imports as incomplete and LIFE-015 reports it', async () => {
    const rows = [
      complete,
      { ...complete, heldAt: '2026-10-28 15:00', tags: '主题党日', recorder: '', absent: '王书记（出差）' },
    ];
    const dry = (await upload(officerA, rows, true)).json();
    expect(dry).toMatchObject({ dryRun: true, written: false, errorCount: 0, incomplete: 1 });
    expect(dry.rows[0].missing).toEqual([]);
    expect(dry.rows[1].missing).toEqual(['记录人']);
    expect(await meetingsOfA()).toHaveLength(0);

    const res = await upload(officerA, rows, false);
    expect(res.json()).toMatchObject({ written: true, created: 2 });
    const stored = await meetingsOfA();
    expect(stored).toHaveLength(2);
    const gap = stored.find((m) => m.recorderId === null)!;
    const view = (await call(ctx, officerA, 'GET', `/api/meetings/${gap.id}`)).json();
    expect(gap.incomplete).toBe(true);
    expect(view).toMatchObject({ present: 1, expected: 2 });
    const list = (await call(ctx, officerA, 'GET', `/api/orgs/${w.orgs.A.id}/meetings?year=2026`)).json();
    expect(list.items.find((m: { id: string }) => m.id === gap.id)).toMatchObject({ incomplete: true });
    expect(view.missing.theme_day).toEqual(['记录人']);
    const full = stored.find((m) => m.recorderId !== null)!;
    expect(full).toMatchObject({ incomplete: false, hostId: w.people.sA, recorderId: w.people.mA });
    expect(full.agenda[0]).toMatchObject({ title: '学习重要讲话精神', first_topic: true });

    const ev = await evaluateCompliance(ctx.deps, {
      asOf: '2026-11-24',
      orgCode: w.orgs.A.code,
      packId: 'nwnu-2019-standardization', // a pack that scores LIFE-015 (the baseline does not)
    });
    const life015 = ev.findings.filter((f) => f.ruleId === 'LIFE-015');
    expect(life015).toHaveLength(1);
    expect(life015[0].message).toContain('记录人');
    expect(life015[0].evidence).toMatchObject({ meetingId: gap.id });

    const audit = await ctx.deps.db
      .selectFrom('auditLog')
      .select('action')
      .where('action', '=', 'import_meetings')
      .execute();
    expect(audit).toHaveLength(1);

    const again = (await upload(officerA, [complete], false)).json();
    expect(again).toMatchObject({ written: false, errorCount: 1 });
    expect(again.rows[0].errors[0]).toMatchObject({
      field: '会议日期时间',
      message: expect.stringContaining('已存在'),
    });
  });
});
