import type { MeetingTag } from '../../shared/enums.ts';

/** What a meeting record holds, as far as completeness is concerned. */
export type MeetingRecord = {
  tags: readonly string[];
  topic: string | null;
  heldAt: string | null;
  endedAt: string | null;
  place: string | null;
  hostId: string | null;
  recorderId: string | null;
  lecturerId: string | null;
  expected: number | null;
  present: number | null;
  agenda: readonly { title: string; first_topic?: boolean }[];
  minutes: string | null;
  decisions: readonly string[];
  /** Non-present attendance rows (absent / leave) with their reasons. */
  absentees: readonly { status: string; reason: string | null }[];
  votes: readonly {
    expected_voting: number;
    present_voting: number;
    yes: number;
    no: number;
    abstain: number;
  }[];
};

/**
 * LIFE-015 elements (要素齐全). RULES.md: the seeds do not enumerate them; this is the standard minute
 * practice, UNVERIFIED as a formal party standard (docs/decisions.md).
 */
export const ELEMENT_LABEL = {
  topic: '主题/议题',
  time: '起止时间',
  place: '地点',
  host: '主持人',
  recorder: '记录人',
  expected: '应到人数',
  present: '实到人数',
  attendance: '缺席人员及原因（与应到、实到人数一致）',
  agenda: '议程',
  minutes: '发言要点/会议内容',
  decisions: '决议事项',
  votes: '表决情况（应到、实到、赞成、反对、弃权相符）',
  lecturer: '讲课人',
} as const;
export type Element = keyof typeof ELEMENT_LABEL;

const blank = (s: string | null | undefined) => !s || s.trim() === '';

/** Elements missing from a record for one of its tags (RULES.md §0.3 C5: a record counts for each tag it completes). */
export function missingElements(m: MeetingRecord, tag: MeetingTag | string): Element[] {
  const out: Element[] = [];
  if (blank(m.topic)) out.push('topic');
  if (!m.heldAt || !m.endedAt) out.push('time');
  if (blank(m.place)) out.push('place');
  if (!m.hostId) out.push('host');
  if (!m.recorderId) out.push('recorder');
  if (m.expected === null) out.push('expected');
  if (m.present === null) out.push('present');
  if (m.expected !== null && m.present !== null) {
    const away = m.absentees.length;
    if (m.present > m.expected || m.expected - m.present !== away || m.absentees.some((a) => blank(a.reason)))
      out.push('attendance');
  }
  if (m.agenda.length === 0) out.push('agenda');
  if (blank(m.minutes)) out.push('minutes');
  if ((tag === 'branch_assembly' || tag === 'committee_meeting') && m.decisions.length === 0)
    out.push('decisions');
  if (
    m.votes.some((v) => v.yes + v.no + v.abstain > v.present_voting || v.present_voting > v.expected_voting)
  )
    out.push('votes');
  if (tag === 'party_lecture' && !m.lecturerId) out.push('lecturer');
  return out;
}

/** Missing elements for every tag of the record (stored with the meeting, refreshed on each write). */
export function missingByTag(m: MeetingRecord): Record<string, Element[]> {
  return Object.fromEntries(m.tags.map((t) => [t, missingElements(m, t)]));
}

/** The tags a record counts for (its own elements complete), sorted and comma-joined for grouping. */
export function completeTags(missing: Record<string, readonly string[]>): string {
  return Object.entries(missing)
    .filter(([, els]) => els.length === 0)
    .map(([t]) => t)
    .sort()
    .join(',');
}
