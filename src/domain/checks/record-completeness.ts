import { MEETING_TAG_LABEL, type MeetingTag } from '../../shared/enums.ts';
import { ELEMENT_LABEL, type Element } from '../meetings/record-elements.ts';
import { citation } from './citation.ts';
import type { CheckDef, Finding, LifeFacts } from './types.ts';

/**
 * LIFE-015: a meeting record must be 要素齐全. Each record missing elements for one of its tags is
 * reported once, naming the elements (the element list is standard practice, UNVERIFIED).
 */
export const recordCompleteness: CheckDef<LifeFacts> = {
  id: 'record-completeness',
  ruleIds: ['LIFE-015'],
  facts: 'life',
  params: [],
  judge(f) {
    const out: Finding[] = [];
    for (const m of f.incomplete) {
      const parts = Object.entries(m.missing)
        .filter(([, els]) => els.length)
        .map(
          ([tag, els]) =>
            `${MEETING_TAG_LABEL[tag as MeetingTag] ?? tag}缺少${els.map((e) => ELEMENT_LABEL[e as Element] ?? e).join('、')}`,
        );
      if (!parts.length) continue;
      out.push({
        ruleId: 'LIFE-015',
        checkId: this.id,
        orgId: f.org.orgId,
        personId: null,
        period: m.date,
        severity: 'warn',
        message: `${m.date}会议记录要素不全：${parts.join('；')}`,
        sourceRef: citation('S000 §二(二)3(3); S002 §三(二)3'),
        evidence: { meetingId: m.meetingId, missing: m.missing },
      });
    }
    return out;
  },
};
