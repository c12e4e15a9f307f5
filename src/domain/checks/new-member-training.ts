import { addMonths } from '../dates.ts';
import { personFinding } from './edu-common.ts';
import type { EduFacts } from './edu-facts.ts';
import { BRANCHES } from './finding.ts';
import type { CheckDef } from './types.ts';

/**
 * EDU-005: during the probation year and within 1 year after 转正 a member attends one concentrated
 * training. The window closes 12 months after full membership (24 months after admission while
 * still probationary); a closed window without training is a violation, an open one info. Windows
 * that closed before the evaluated years are not checked; a member who moved is reported at the org of the
 * year the window closes.
 */
export const newMemberTraining: CheckDef<EduFacts> = {
  id: 'new-member-training',
  ruleIds: ['EDU-005'],
  facts: 'edu',
  params: [],
  judge(f, { asOf }) {
    if (!BRANCHES.has(f.org.kind)) return [];
    const firstDay = `${f.years[0]}-01-01`;
    return f.people.flatMap((p) => {
      const from = p.probationFrom;
      if (!from) return [];
      const due = p.fullFrom ? addMonths(p.fullFrom, 12) : addMonths(from, 24);
      if (due < firstDay) return [];
      if (p.concentratedDates.some((d) => d >= from && d <= due)) return [];
      // a person who moved is reported once: at the org they belonged to in the year the window closes
      const year = Math.min(Number(due.slice(0, 4)), f.years[f.years.length - 1]);
      if (!p.years.some((y) => y.year === year)) return [];
      const closed = due < asOf;
      return [
        personFinding(
          this.id,
          'EDU-005',
          f,
          p.personId,
          closed,
          closed ? due : due.slice(0, 4),
          closed
            ? `新党员${p.name}（${from}入党）在预备期和转正后1年内（${due}前）未参加集中培训`
            : `新党员${p.name}（${from}入党）应于${due}前参加1次集中培训`,
          'JYGH',
          { probationFrom: from, fullFrom: p.fullFrom, due },
        ),
      ];
    });
  },
};
