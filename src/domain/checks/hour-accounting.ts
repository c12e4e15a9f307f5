import { personFinding } from './edu-common.ts';
import type { EduFacts } from './edu-facts.ts';
import { BRANCHES, withParam } from './finding.ts';
import type { CheckDef } from './types.ts';

/**
 * EDU-006: hours are accounted at most 8 学时 a day (脱产培训 8 学时/天). A day whose own records add up
 * to more is a warning (the record needs correcting), dated that day.
 */
export const hourAccounting: CheckDef<EduFacts> = {
  id: 'hour-accounting',
  ruleIds: ['EDU-006'],
  facts: 'edu',
  params: ['edu.hoursPerDay'],
  judge(f, { param }) {
    if (!BRANCHES.has(f.org.kind)) return [];
    const perDay = param<number>('edu.hoursPerDay');
    if (perDay.value < f.dayFloor)
      throw new Error(`EDU-006: day totals were loaded above ${f.dayFloor} h, the cap is ${perDay.value} h`);
    return f.people.flatMap((p) =>
      p.dayTotals
        .filter((d) => d.hours > perDay.value)
        .sort((a, b) => (a.date < b.date ? -1 : 1))
        .map(({ date: day, hours: h }) =>
          personFinding(
            this.id,
            'EDU-006',
            f,
            p.personId,
            true,
            day,
            `${p.name} ${day} 登记学习${Math.round(h * 10) / 10}学时，超过每天${perDay.value}学时`,
            withParam('EDU-006', perDay.sourceRef),
            { day, hours: h, max: perDay.value },
            'warn',
          ),
        ),
    );
  },
};
