import { citation } from './citation.ts';
import type { CheckDef, Finding, LifeFacts } from './types.ts';

/** A 支委会 record with 重大事项 (agenda items marked `major`), for LIFE-016. */
export type MajorMatterFacts = {
  meetingId: string;
  date: string;
  /** Committee members (书记/副书记/委员) on that day who were not recorded absent or on leave. */
  present: { personId: string; name: string }[];
  /** The secretary on that day (null when the seat was empty). */
  secretaryId: string | null;
  items: { title: string; speakers: string[] }[];
};

/**
 * LIFE-016 (S004 §三.1): on each 重大事项 of a 支委会 every committee member present states an opinion in
 * turn and the secretary speaks last. Checkable only where the record holds the speaking order: an item
 * marked major without speakers → warning (cannot be verified); secretary not last or a present member
 * missing → violation.
 */
export const speakingOrder: CheckDef<LifeFacts> = {
  id: 'speaking-order',
  ruleIds: ['LIFE-016'],
  facts: 'life',
  params: [],
  judge(f) {
    const out: Finding[] = [];
    for (const m of f.majorMatters ?? []) {
      const names = new Map(m.present.map((p) => [p.personId, p.name]));
      for (const item of m.items) {
        const finding = (severity: Finding['severity'], message: string, evidence: Record<string, unknown>) =>
          out.push({
            ruleId: 'LIFE-016',
            checkId: this.id,
            orgId: f.org.orgId,
            personId: null,
            period: m.date,
            severity,
            message: `${m.date}支委会研究“${item.title}”${message}`,
            sourceRef: citation('S004 §三.1'),
            evidence: { meetingId: m.meetingId, ...evidence },
          });
        if (item.speakers.length === 0) {
          finding('warn', '未记录发言顺序，无法核验委员逐一发表意见、书记末位发言', {});
          continue;
        }
        const silent = m.present.filter((p) => !item.speakers.includes(p.personId));
        const last = item.speakers[item.speakers.length - 1];
        const problems: string[] = [];
        if (m.secretaryId && names.has(m.secretaryId) && last !== m.secretaryId)
          problems.push('支部书记未末位发言');
        if (silent.length) problems.push(`${silent.map((p) => p.name).join('、')}未发表意见`);
        if (problems.length)
          finding('violation', `时${problems.join('，')}`, {
            speakers: item.speakers,
            secretaryId: m.secretaryId,
            silent: silent.map((p) => p.personId),
          });
      }
    }
    return out;
  },
};
