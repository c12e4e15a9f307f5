import { LEADER_ROLES } from '../study/hours.ts';
import { fmtHours, personFinding, personYears } from './edu-common.ts';
import type { EduFacts } from './edu-facts.ts';
import { withParam } from './finding.ts';
import type { CheckDef } from './types.ts';

/**
 * EDU-002: secretaries, deputy secretaries and committee members ≥56 学时 a year, including ≥1
 * 集中培训. Ended year short → violation; current year short → info "due by Dec 31".
 */
export const leaderStudyHours: CheckDef<EduFacts> = {
  id: 'leader-study-hours',
  ruleIds: ['EDU-002'],
  facts: 'edu',
  params: ['edu.leader.minHoursPerYear', 'edu.leader.minConcentratedSessions', 'edu.countOnline'],
  judge(f, { asOf, param }) {
    const min = param<number>('edu.leader.minHoursPerYear');
    const sessions = param<number>('edu.leader.minConcentratedSessions');
    const src = withParam(withParam('JYGH; S002 §三(二)4; S003 T6', min.sourceRef), sessions.sourceRef);
    return personYears(f, asOf, param)
      .filter(({ py }) => py.roles.some((r) => LEADER_ROLES.has(r)))
      .flatMap(({ person, py, hours, ended }) => {
        const lackHours = hours.counted < min.value;
        const lackSessions = hours.concentratedSessions < sessions.value;
        if (!lackHours && !lackSessions) return [];
        const parts = [
          lackHours ? `学习${fmtHours(hours.counted)}，少于${fmtHours(min.value)}` : null,
          lackSessions ? `参加集中培训${hours.concentratedSessions}次，少于${sessions.value}次` : null,
        ].filter(Boolean);
        const role = py.roles.includes('secretary')
          ? '书记'
          : py.roles.includes('deputy_secretary')
            ? '副书记'
            : '支部委员';
        const who = `${person.name}（${role}）`;
        const message = ended
          ? `${who} ${py.year}年${parts.join('，')}`
          : `${who} ${py.year}年目前${parts.join('，')}，应于${py.year}年12月31日前达到`;
        return [
          personFinding(this.id, 'EDU-002', f, person.personId, ended, String(py.year), message, src, {
            year: py.year,
            roles: py.roles,
            counted: hours.counted,
            min: min.value,
            concentratedSessions: hours.concentratedSessions,
            minSessions: sessions.value,
          }),
        ];
      });
  },
};
