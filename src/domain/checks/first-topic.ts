import { MEETING_TAG_LABEL, type MeetingTag } from '../../shared/enums.ts';
import { citation } from './citation.ts';
import type { CheckDef, LifeFacts } from './types.ts';

/** LIFE-013 "第一议题": the first agenda item of a 支委会/党员大会 is the study of the latest central guidance. */
export const firstTopic: CheckDef<LifeFacts> = {
  id: 'first-topic',
  ruleIds: ['LIFE-013'],
  facts: 'life',
  params: [],
  judge(f) {
    return f.noFirstTopic.map((m) => ({
      ruleId: 'LIFE-013',
      checkId: this.id,
      orgId: f.org.orgId,
      personId: null,
      period: m.date,
      severity: 'warn' as const,
      message: `${m.date}${m.tags.map((t) => MEETING_TAG_LABEL[t as MeetingTag] ?? t).join('、')}的第一项议程未标明为“第一议题”学习`,
      sourceRef: citation('S000 §二(一)2(2); S001 #2; S003 T4'),
      evidence: { meetingId: m.meetingId },
    }));
  },
};
