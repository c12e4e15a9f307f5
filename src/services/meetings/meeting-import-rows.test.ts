import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  type SheetRow,
  columnOf,
  normalizeDateTime,
  parsePeopleList,
  readMeetingRows,
  rowToDataset,
} from './meeting-import-rows.ts';
import { MEETING_IMPORT_COLUMNS } from './meeting-import-xlsx.ts';

const blank = {
  heldAt: '',
  endedAt: '',
  tags: '',
  place: '',
  host: '',
  recorder: '',
  topic: '',
  agenda: '',
  expected: '',
  absent: '',
  leave: '',
  minutes: '',
  decisions: '',
};
const sheetRow = (v: Partial<typeof blank>): SheetRow => ({ row: 2, values: { ...blank, ...v }, errors: [] });
const people: Record<string, string> = { 王书记: 'p1', 李党员: 'p2' };
const resolve = (name: string) => (people[name] ? { id: people[name] } : { error: `“${name}”不是党员` });

describe('meeting sheet rows → zhibu-dataset/1 meetings', () => {
  it('reads date-times in the common spellings and refuses impossible ones', () => {
    expect(normalizeDateTime('2025-03-27 14:30')).toBe('2025-03-27T14:30');
    expect(normalizeDateTime('2025/3/7 9:05')).toBe('2025-03-07T09:05');
    expect(normalizeDateTime('2025年3月27日 14：30')).toBe('2025-03-27T14:30');
    expect(normalizeDateTime('2025-02-30 14:30')).toBeNull();
    expect(normalizeDateTime('2025-03-27 24:00')).toBeNull();
    expect(normalizeDateTime('2025-03-27')).toBeNull();
  });

  it('splits 姓名（原因） lists', () => {
    expect(parsePeopleList('王五（出差）、赵六')).toEqual([
      { name: '王五', reason: '出差' },
      { name: '赵六', reason: null },
    ]);
    expect(parsePeopleList('王五(病假)')).toEqual([{ name: '王五', reason: '病假' }]);
  });

  it('maps labels, the 【第一议题】 mark, an end time given as HH:mm and absentees', () => {
    const r = sheetRow({
      heldAt: '2025-03-27 14:30',
      endedAt: '16:00',
      tags: '支委会、党员大会',
      host: '王书记',
      agenda: '【第一议题】学习讲话精神\n\n研究发展对象',
      expected: '3',
      leave: '李党员（出差）',
      decisions: '同意\n下次4月',
    });
    const m = rowToDataset(r, 'A1', resolve);
    expect(r.errors).toEqual([]);
    expect(m).toMatchObject({
      org: 'A1',
      tags: ['committee_meeting', 'branch_assembly'],
      held_at: '2025-03-27T14:30',
      ended_at: '2025-03-27T16:00',
      host: 'p1',
      recorder: null,
      agenda: [{ title: '学习讲话精神', first_topic: true }, { title: '研究发展对象' }],
      expected: 3,
      attendance: [{ person: 'p2', status: 'leave', reason: '出差' }],
      decisions: ['同意', '下次4月'],
    });
  });

  it('names each malformed cell by column and keeps rule gaps out of the errors', () => {
    const r = sheetRow({
      heldAt: '2025-03-27 14:30',
      tags: '党课、座谈会',
      recorder: '孙某',
      expected: '两',
    });
    expect(rowToDataset(r, 'A1', resolve)).toBeNull();
    expect(r.errors.map((e) => e.field)).toEqual(['会议类型', '应到人数', '记录人']);
    const gaps = sheetRow({ heldAt: '2025-03-27 14:30', tags: '党课' });
    expect(rowToDataset(gaps, 'A1', resolve)).not.toBeNull();
    expect(gaps.errors).toEqual([]);
  });

  it('maps dataset field paths back to sheet columns', () => {
    const m = rowToDataset(
      sheetRow({ heldAt: '2025-03-27 14:30', tags: '党课', leave: '李党员' }),
      'A1',
      resolve,
    )!;
    expect(columnOf('ended_at', m)).toBe('结束时间');
    expect(columnOf('attendance.0.person', m)).toBe('请假人员');
    expect(columnOf('agenda.1.title', m)).toBe('议程');
  });

  it('reads Excel date and time cells as wall-clock minutes, by header name', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('会议记录');
    ws.columns = [...MEETING_IMPORT_COLUMNS].reverse().map((c) => ({ header: c.header, key: c.key }));
    ws.addRow({
      heldAt: new Date('2025-03-27T14:30:00Z'),
      endedAt: new Date('1899-12-30T16:00:00Z'),
      tags: '党课',
    });
    ws.addRow({});
    const rows = await readMeetingRows(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(rows).toHaveLength(1);
    expect(rows[0].values).toMatchObject({ heldAt: '2025-03-27 14:30', endedAt: '16:00', tags: '党课' });
    expect(rowToDataset(rows[0], 'A1', resolve)).toMatchObject({ ended_at: '2025-03-27T16:00' });
  });
});
