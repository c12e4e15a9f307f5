import type ExcelJS from 'exceljs';
import { readSheetRows } from '../infra/xlsx-rows.ts';
import type { DatasetMeeting } from '../../shared/contracts/dataset.contract.ts';
import { MEETING_TAG_LABEL, type MeetingTag } from '../../shared/enums.ts';
import { cellText, normalizeDate } from '../people/roster-import.ts';
import {
  FIRST_TOPIC_MARK,
  MEETING_FIELD_LABEL,
  MEETING_IMPORT_COLUMNS,
  type MeetingImportField,
} from './meeting-import-xlsx.ts';

export type RowError = { field: string; message: string };
export type SheetRow = { row: number; values: Record<MeetingImportField, string>; errors: RowError[] };
/** Resolves a name among the branch's members on a date: a person id, or why not. */
export type NameResolver = (name: string, date: string) => { id: string } | { error: string };

const LABEL_TO_TAG = new Map(Object.entries(MEETING_TAG_LABEL).map(([k, v]) => [v, k as MeetingTag]));
const MAX_ROWS = 2000;

/** Cell → text; a date cell keeps its wall-clock minute (Excel dates carry no zone). */
function cellString(v: ExcelJS.CellValue): string {
  if (v instanceof Date) {
    const iso = v.toISOString();
    // a time-only cell is stored on Excel's day zero (1899-12-30): keep just HH:mm
    if (iso.startsWith('1899-12-30')) return iso.slice(11, 16);
    return iso.slice(0, 16).replace('T', ' ').replace(' 00:00', '');
  }
  return cellText(v);
}

/** Reads the first sheet by header names (order may differ; unknown columns ignored). */
export async function readMeetingRows(file: Buffer): Promise<SheetRow[]> {
  return readSheetRows(file, MEETING_IMPORT_COLUMNS, cellString, MAX_ROWS);
}

const fold = (s: string) =>
  s
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/：/g, ':')
    .trim();

/** '2025-03-27 14:30' (also 2025/3/27 14:30, 2025年3月27日 14:30) → '2025-03-27T14:30'. */
export function normalizeDateTime(s: string): string | null {
  const m = /^(\S+?)\s*[T\s]\s*(\d{1,2}):(\d{2})$/.exec(fold(s));
  if (!m) return null;
  const d = normalizeDate(m[1]);
  const h = Number(m[2]);
  const min = Number(m[3]);
  if (!d || h > 23 || min > 59) return null;
  return `${d}T${String(h).padStart(2, '0')}:${m[3]}`;
}

const lines = (s: string) =>
  s
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);

/** '王五（出差）、赵六' → [{name, reason}]. */
export function parsePeopleList(s: string): { name: string; reason: string | null }[] | null {
  const out: { name: string; reason: string | null }[] = [];
  for (const part of s.split(/[、，,;；\n]/)) {
    const p = part.trim();
    if (!p) continue;
    const m = /^([^（(）)]+?)\s*(?:[（(]([^（()）]*)[)）])?$/.exec(p);
    if (!m) return null;
    out.push({ name: m[1].trim(), reason: m[2]?.trim() || null });
  }
  return out;
}

/**
 * Converts one sheet row to the zhibu-dataset/1 meeting shape (people as ids), recording malformed
 * cells on the row. Rule gaps (empty recorder, no minutes…) are not errors here.
 */
export function rowToDataset(r: SheetRow, orgCode: string, resolve: NameResolver): DatasetMeeting | null {
  const v = r.values;
  const err = (f: MeetingImportField, message: string) =>
    r.errors.push({ field: MEETING_FIELD_LABEL[f], message });
  const heldAt = v.heldAt ? normalizeDateTime(v.heldAt) : null;
  if (!v.heldAt) err('heldAt', '会议日期时间不能为空');
  else if (!heldAt) err('heldAt', `“${v.heldAt}”无效，应为 2025-03-27 14:30 格式`);
  let endedAt: string | null = null;
  if (v.endedAt) {
    const t = /^(\d{1,2}):(\d{2})$/.exec(fold(v.endedAt));
    endedAt =
      t && heldAt && Number(t[1]) < 24 && Number(t[2]) < 60
        ? `${heldAt.slice(0, 10)}T${t[1].padStart(2, '0')}:${t[2]}`
        : normalizeDateTime(v.endedAt);
    if (!endedAt && (heldAt || !t)) err('endedAt', `“${v.endedAt}”无效，应为 2025-03-27 16:00 或 16:00`);
  }
  const tags: MeetingTag[] = [];
  for (const label of v.tags.split(/[、，,;；]/).map((t) => t.trim())) {
    if (!label) continue;
    const tag = LABEL_TO_TAG.get(label);
    if (tag) {
      if (!tags.includes(tag)) tags.push(tag);
    } else err('tags', `会议类型“${label}”无法识别，可填：${[...LABEL_TO_TAG.keys()].join('、')}`);
  }
  if (!v.tags) err('tags', '会议类型不能为空');
  let expected: number | null = null;
  if (v.expected) {
    expected = /^\d+$/.test(fold(v.expected)) ? Number(fold(v.expected)) : null;
    if (expected === null) err('expected', `应到人数“${v.expected}”应为整数`);
  }
  const date = heldAt?.slice(0, 10);
  const person = (f: MeetingImportField, name: string) => {
    if (!date) return null;
    const p = resolve(name, date);
    if ('error' in p) {
      err(f, p.error);
      return null;
    }
    return p.id;
  };
  const host = v.host ? person('host', v.host) : null;
  const recorder = v.recorder ? person('recorder', v.recorder) : null;
  const attendance: NonNullable<DatasetMeeting['attendance']> = [];
  for (const [f, status] of [
    ['absent', 'absent'],
    ['leave', 'leave'],
  ] as const) {
    const list = v[f] ? parsePeopleList(v[f]) : [];
    if (!list) err(f, `“${v[f]}”无法识别，应为 姓名（原因），多人用“、”分隔`);
    for (const a of list ?? []) {
      const id = person(f, a.name);
      if (id) attendance.push({ person: id, status, reason: a.reason });
    }
  }
  if (r.errors.length || !heldAt) return null;
  return {
    org: orgCode,
    tags,
    held_at: heldAt,
    ended_at: endedAt,
    place: v.place || null,
    host,
    recorder,
    topic: v.topic || null,
    agenda: lines(v.agenda).map((l) =>
      l.startsWith(FIRST_TOPIC_MARK)
        ? { title: l.slice(FIRST_TOPIC_MARK.length).trim() || l, first_topic: true }
        : { title: l },
    ),
    expected,
    attendance,
    minutes: v.minutes || null,
    decisions: lines(v.decisions),
  };
}

/** Maps a dataset field path ('attendance.2.person') back to the sheet column that fed it. */
export function columnOf(path: string | null, m: DatasetMeeting | undefined): string {
  const [head, k] = (path ?? '').split('.');
  const f: Record<string, MeetingImportField> = {
    held_at: 'heldAt',
    ended_at: 'endedAt',
    recorded_at: 'heldAt',
    tags: 'tags',
    org: 'tags',
    place: 'place',
    host: 'host',
    recorder: 'recorder',
    topic: 'topic',
    agenda: 'agenda',
    expected: 'expected',
    minutes: 'minutes',
    decisions: 'decisions',
  };
  if (head === 'attendance') {
    const st = m?.attendance?.[Number(k)]?.status;
    return MEETING_FIELD_LABEL[st === 'leave' ? 'leave' : 'absent'];
  }
  return f[head] ? MEETING_FIELD_LABEL[f[head]] : head || '整行';
}
