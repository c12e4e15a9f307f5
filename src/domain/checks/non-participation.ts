import { citation } from './citation.ts';
import { withParam } from './finding.ts';
import { streakLevel, streakOf } from './participation.ts';
import type { CheckDef, Finding, LifeFacts } from './types.ts';

const monthLabel = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5))}月`;

/**
 * LIFE-018: a party member who for consecutive ended months took part in no organizational life without
 * approved leave — alerts at `member.selfLapse.alertMonths` (product default 3 → info, 5 → warn), a case at
 * `member.selfLapseMonths` (6, DZ Art.9 自行脱党) → violation. Months in which the member was expected at
 * no record (none held, not yet a member) or was on leave for every absence neither count nor break it.
 * The dues part of the rule is not checked (no dues records in the database).
 */
export const nonParticipation: CheckDef<LifeFacts> = {
  id: 'non-participation',
  ruleIds: ['LIFE-018'],
  facts: 'life',
  params: ['member.selfLapseMonths', 'member.selfLapse.alertMonths'],
  judge(f, { asOf, param }) {
    const p = f.participation;
    if (!p) return [];
    const lapse = param<number>('member.selfLapseMonths');
    const alerts = param<number[]>('member.selfLapse.alertMonths').value;
    const out: Finding[] = [];
    for (const m of p.members) {
      const s = streakOf(m.months, asOf);
      const level = streakLevel(s.months, alerts, lapse.value);
      if (!level || !s.from || !s.to) continue;
      const span = s.from === s.to ? monthLabel(s.to) : `${monthLabel(s.from)}至${monthLabel(s.to)}`;
      out.push({
        ruleId: 'LIFE-018',
        checkId: this.id,
        orgId: f.org.orgId,
        personId: m.personId,
        period: s.to,
        severity: level,
        message:
          level === 'violation'
            ? `${m.name} 连续${s.months}个月（${span}）无正当理由未参加党的组织生活，已达${lapse.value}个月，应按自行脱党提交支部大会讨论`
            : `${m.name} 连续${s.months}个月（${span}）未参加党的组织生活且未请假，满${lapse.value}个月将视为自行脱党，请及时谈话督促`,
        sourceRef: citation(withParam('DZ Art.9', lapse.sourceRef)),
        evidence: { months: s.months, from: s.from, to: s.to, alertMonths: alerts, lapseMonths: lapse.value },
      });
    }
    return out;
  },
};
