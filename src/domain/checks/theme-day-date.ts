import { nthWeekday, weekdayNumber } from '../meetings/calendar.ts';
import { addDays } from '../dates.ts';
import { citation } from './citation.ts';
import { withParam } from './finding.ts';
import type { CheckDef, Finding, LifeFacts } from './types.ts';

type ThemeDayRule = { type: 'MONTHLY_FIXED' } | { type: 'NTH_WEEKDAY'; n: number; weekday: string };

/** LIFE-006: where the pack fixes 主题党日 on the n-th weekday (S002: 4th Thursday), each one held off that date. */
export const themeDayDate: CheckDef<LifeFacts> = {
  id: 'theme-day-date',
  ruleIds: ['LIFE-006'],
  facts: 'life',
  params: ['life.themeDay.rule', 'life.themeDay.toleranceDays'],
  judge(f, { param }) {
    const rule = param<ThemeDayRule>('life.themeDay.rule');
    if (rule.value?.type !== 'NTH_WEEKDAY') return [];
    const { n, weekday } = rule.value;
    const tolerance = param<number>('life.themeDay.toleranceDays').value ?? 0;
    const out: Finding[] = [];
    for (const d of f.themeDays) {
      const due = nthWeekday(Number(d.slice(0, 4)), Number(d.slice(5, 7)), n, weekdayNumber(weekday));
      if (d >= addDays(due, -tolerance) && d <= addDays(due, tolerance)) continue;
      out.push({
        ruleId: 'LIFE-006',
        checkId: this.id,
        orgId: f.org.orgId,
        personId: null,
        period: d,
        severity: 'warn',
        message: `主题党日于${d}举行，未按规定在当月第${n}个星期${'日一二三四五六'[weekdayNumber(weekday)]}（${due}）开展`,
        sourceRef: citation(withParam('ZBTL Ch.5', rule.sourceRef)),
        evidence: { held: d, due, tolerance },
      });
    }
    return out;
  },
};
