import { fmtHours, personFinding, personYears } from './edu-common.ts';
import type { EduFacts } from './edu-facts.ts';
import { withParam } from './finding.ts';
import type { CheckDef } from './types.ts';

/**
 * EDU-003 (S004 §三.1): a branch secretary attends ≥24 学时 of concentrated training a year. Applies
 * alongside EDU-002 (both active → the stricter of each binds); a null parameter disables it.
 */
export const secretaryConcentrated: CheckDef<EduFacts> = {
  id: 'secretary-concentrated',
  ruleIds: ['EDU-003'],
  facts: 'edu',
  params: ['edu.secretary.minConcentratedHoursPerYear'],
  judge(f, { asOf, param }) {
    const min = param<number | null>('edu.secretary.minConcentratedHoursPerYear');
    if (min.value === null) return [];
    const need = min.value;
    const src = withParam('S004 §三.1', min.sourceRef);
    return personYears(f, asOf, param)
      .filter(({ py, hours }) => py.roles.includes('secretary') && hours.concentratedHours < need)
      .map(({ person, py, hours, ended }) =>
        personFinding(
          this.id,
          'EDU-003',
          f,
          person.personId,
          ended,
          String(py.year),
          ended
            ? `书记${person.name} ${py.year}年集中培训${fmtHours(hours.concentratedHours)}，少于${fmtHours(need)}`
            : `书记${person.name} ${py.year}年已集中培训${fmtHours(hours.concentratedHours)}，应于${py.year}年12月31日前达到${fmtHours(need)}`,
          src,
          { year: py.year, concentratedHours: hours.concentratedHours, min: need },
        ),
      );
  },
};
