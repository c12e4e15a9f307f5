import { countedKinds } from '../study/hours.ts';
import { fmtHours, personFinding, personYears } from './edu-common.ts';
import type { EduFacts } from './edu-facts.ts';
import { withParam } from './finding.ts';
import type { CheckDef } from './types.ts';

/**
 * EDU-001: each member ≥32 学时 a year of 集中培训 + 集体学习 (online too when `edu.countOnline`),
 * own records plus credit from attended study-type meetings. An ended year below the minimum is a
 * violation; the current year below it is info "due by Dec 31".
 */
export const studyHours: CheckDef<EduFacts> = {
  id: 'study-hours',
  ruleIds: ['EDU-001'],
  facts: 'edu',
  params: ['edu.member.minHoursPerYear', 'edu.countOnline'],
  judge(f, { asOf, param }) {
    const min = param<number>('edu.member.minHoursPerYear');
    const kinds = countedKinds(param<boolean>('edu.countOnline').value);
    const src = withParam('JYGH; S002 §三(二)4; S003 T6', min.sourceRef);
    return personYears(f, asOf, param)
      .filter((x) => x.hours.counted < min.value)
      .map(({ person, py, hours, ended }) =>
        personFinding(
          this.id,
          'EDU-001',
          f,
          person.personId,
          ended,
          String(py.year),
          ended
            ? `${person.name} ${py.year}年学习${fmtHours(hours.counted)}，少于${fmtHours(min.value)}`
            : `${person.name} ${py.year}年已学习${fmtHours(hours.counted)}，还差${fmtHours(min.value - hours.counted)}，应于${py.year}年12月31日前达到${fmtHours(min.value)}`,
          src,
          {
            year: py.year,
            counted: hours.counted,
            min: min.value,
            kinds,
            byKind: hours.byKind,
            fromMeetings: hours.fromMeetings,
          },
        ),
      );
  },
};
