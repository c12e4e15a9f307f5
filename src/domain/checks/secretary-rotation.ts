import { addMonths } from '../dates.ts';
import { personFinding, personYears } from './edu-common.ts';
import type { EduFacts } from './edu-facts.ts';
import { withParam } from './finding.ts';
import type { CheckDef, Finding } from './types.ts';

/**
 * EDU-004: a branch secretary attends ≥1 concentrated (rotation) training a year; a new secretary
 * gets induction training within 6 months of taking office (deadline per RULES.md §0.3 C3). Only
 * secretaries who took office in the evaluated years are checked for induction.
 */
export const secretaryRotation: CheckDef<EduFacts> = {
  id: 'secretary-rotation',
  ruleIds: ['EDU-004'],
  facts: 'edu',
  params: ['edu.secretary.rotationPerYear', 'edu.secretary.inductionWithinMonths'],
  judge(f, { asOf, param }) {
    const perYear = param<number>('edu.secretary.rotationPerYear');
    const within = param<number>('edu.secretary.inductionWithinMonths');
    const src = withParam('JYGH', perYear.sourceRef);
    const out: Finding[] = [];
    const secretaries = personYears(f, asOf, param).filter(({ py }) => py.roles.includes('secretary'));
    for (const { person, py, hours, ended } of secretaries) {
      if (hours.concentratedSessions < perYear.value)
        out.push(
          personFinding(
            this.id,
            'EDU-004',
            f,
            person.personId,
            ended,
            String(py.year),
            ended
              ? `书记${person.name} ${py.year}年参加集中轮训${hours.concentratedSessions}次，少于${perYear.value}次`
              : `书记${person.name} ${py.year}年尚未参加集中轮训，应于${py.year}年12月31日前参加`,
            src,
            { year: py.year, sessions: hours.concentratedSessions, min: perYear.value },
          ),
        );
    }
    const seen = new Set<string>();
    for (const { person, py } of secretaries) {
      const since = py.secretarySince;
      if (!since || since < `${f.years[0]}-01-01` || seen.has(`${person.personId}|${since}`)) continue;
      seen.add(`${person.personId}|${since}`);
      const due = addMonths(since, within.value);
      const trained = person.concentratedDates.some((d) => d >= since && d <= due);
      if (trained) continue;
      const passed = due < asOf;
      out.push(
        personFinding(
          this.id,
          'EDU-004',
          f,
          person.personId,
          passed,
          passed ? due : due.slice(0, 4),
          passed
            ? `新任书记${person.name}（${since}任职）在${within.value}个月内（${due}前）未参加任职培训`
            : `新任书记${person.name}（${since}任职）应于${due}前参加任职培训`,
          withParam('JYGH', within.sourceRef),
          { since, due, months: within.value },
        ),
      );
    }
    return out;
  },
};
