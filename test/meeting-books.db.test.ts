import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Session, type World, buildWorld, call, loginAs } from './factories.ts';
import { type TestContext, createTestContext } from './server.ts';

// clock: 2026-11-24T02:00Z (10:00 Beijing); records entered more than 7 days after the meeting are 补录.
describe('meetings xlsx and the 会议记录本 (ledger) read', () => {
  let ctx: TestContext;
  let w: World;
  let officerA: Session;
  beforeAll(async () => {
    ctx = await createTestContext();
    w = await buildWorld(ctx);
    officerA = await loginAs(ctx, w.users.officerA);
    await call(ctx, officerA, 'POST', `/api/orgs/${w.orgs.A.id}/meetings`, {
      tags: ['branch_assembly', 'party_lecture'],
      topic: '第四季度党员大会暨党课',
      heldAt: '2026-11-20T14:30:00+08:00',
      endedAt: '2026-11-20T16:30:00+08:00',
      place: '党员活动室',
      hostId: w.people.sA,
      recorderId: w.people.mA,
      lecturerId: w.people.sA,
      expected: 2,
      attendance: [
        { personId: w.people.sA, status: 'present' },
        { personId: w.people.mA, status: 'absent', reason: '出差' },
      ],
      agenda: [{ title: '第一议题：学习重要讲话精神', first_topic: true }],
      minutes: '书记讲党课。',
      decisions: ['通过支部工作安排'],
    });
    await call(ctx, officerA, 'POST', `/api/orgs/${w.orgs.A.id}/meetings`, {
      tags: ['theme_day'],
      topic: '10月主题党日',
      heldAt: '2025-10-16T15:00:00+08:00',
    });
  });
  afterAll(() => ctx.close());

  it('exports sheets 会议 and 出勤 of the year, in Chinese', async () => {
    const res = await call(ctx, officerA, 'GET', `/api/orgs/${w.orgs.A.id}/meetings.xlsx?year=2026`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain(
      encodeURIComponent('会议记录-文学院教工第一党支部-2026'),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const rows = (name: string) =>
      wb
        .getWorksheet(name)!
        .getSheetValues()
        .slice(1)
        .map((r) => (r as unknown[]).slice(1));
    expect(rows('会议')).toEqual([
      [
        '日期',
        '组织',
        '会议类型',
        '主题',
        '地点',
        '主持人',
        '记录人',
        '应到',
        '实到',
        '状态',
        '补录',
        '缺少要素',
      ],
      [
        '2026-11-20',
        '文学院教工第一党支部',
        '党员大会、党课',
        '第四季度党员大会暨党课',
        '党员活动室',
        '王书记',
        '李党员',
        2,
        1,
        '未提交',
        '',
        '',
      ],
    ]);
    expect(rows('出勤')).toEqual([
      ['会议日期', '会议类型', '会议主题', '姓名', '出勤情况', '原因'],
      ['2026-11-20', '党员大会、党课', '第四季度党员大会暨党课', '李党员', '缺席', '出差'],
      ['2026-11-20', '党员大会、党课', '第四季度党员大会暨党课', '王书记', '出席', ''],
    ]);
  });

  it('marks 补录 and missing elements in the 2025 sheet', async () => {
    const res = await call(ctx, officerA, 'GET', `/api/orgs/${w.orgs.A.id}/meetings.xlsx?year=2025`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const row = wb.getWorksheet('会议')!.getRow(2).values as unknown[];
    expect(row.slice(1, 4)).toEqual(['2025-10-16', '文学院教工第一党支部', '主题党日']);
    expect(row[11]).toBe('是');
    expect(String(row[12])).toContain('主持人');
  });

  it('refuses a foreign caller', async () => {
    const officerB = await loginAs(ctx, w.users.officerB);
    expect(
      (await call(ctx, officerB, 'GET', `/api/orgs/${w.orgs.A.id}/meetings.xlsx?year=2026`)).statusCode,
    ).toBe(403);
    expect((await call(ctx, officerB, 'GET', `/api/orgs/${w.orgs.A.id}/ledger?year=2026`)).statusCode).toBe(
      403,
    );
  });

  it('the ledger carries every element with names', async () => {
    const book = (await call(ctx, officerA, 'GET', `/api/orgs/${w.orgs.A.id}/ledger?year=2026`)).json();
    expect(book).toMatchObject({ orgName: '文学院教工第一党支部', parentName: '文学院党总支', year: 2026 });
    expect(book.records).toHaveLength(1);
    expect(book.records[0]).toMatchObject({
      hostName: '王书记',
      recorderName: '李党员',
      lecturerName: '王书记',
      agenda: [{ title: '第一议题：学习重要讲话精神', first_topic: true }],
      lateEntry: false,
    });
    expect(book.records[0].attendance).toContainEqual({
      personId: w.people.mA,
      personName: '李党员',
      status: 'absent',
      reason: '出差',
    });
  });
});
