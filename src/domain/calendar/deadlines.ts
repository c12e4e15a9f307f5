import { MEETING_TAG_LABEL, type MeetingTag } from '../../shared/enums.ts';
import { FREQUENCY_RULES } from '../checks/meeting-frequency.ts';
import type { LifeFacts, OrgFacts, ParamReader } from '../checks/types.ts';
import { addDays, addYears } from '../dates.ts';
import { nthWeekday, weekdayNumber } from '../meetings/calendar.ts';

/** What a deadline on the calendar is about. */
export type DeadlineKind = 'period_due' | 'theme_day' | 'term_end';

/**
 * A date by which something must happen, computed from the org's facts and its active pack's
 * parameters: the end of a period that needs meetings (LIFE-002…009), the fixed 主题党日 of the month
 * when the pack fixes one (LIFE-006, S002: 4th Thursday), the end of the committee's term (ORG-014).
 */
export type Deadline = {
  date: string;
  /** First day of the period the deadline closes (null for a term end). */
  periodStart: string | null;
  kind: DeadlineKind;
  ruleId: string;
  tag: MeetingTag | null;
  title: string;
  detail: string;
  /** Met already (enough complete records), false when still owed; null when not countable (term end). */
  met: boolean | null;
  sourceRef: string;
};

export type DeadlineInput = {
  /** 'YYYY-MM'. */
  month: string;
  org: OrgFacts;
  /** Complete records per tag per 'YYYY-MM' of the month's year (LifeFacts.monthly). */
  monthly: LifeFacts['monthly'];
  /** Dates of complete 主题党日 records (LifeFacts.themeDays). */
  themeDays: readonly string[];
  param: ParamReader;
  /** Rule IDs the org's active pack scores: only those produce deadlines. */
  scored: ReadonlySet<string>;
};

type ThemeDayRule = { type: 'MONTHLY_FIXED' } | { type: 'NTH_WEEKDAY'; n: number; weekday: string };

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOf = (y: number, m: number) => `${y}-${pad(m)}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}`;

/** The period (key, bounds) of a kind that ends in the given month, if any. */
function periodEndingIn(year: number, month: number, kind: 'month' | 'quarter' | 'year') {
  if (kind === 'month') return { label: `${year}年${month}月`, start: `${year}-${pad(month)}-01` };
  if (kind === 'quarter' && month % 3 === 0)
    return {
      label: `${year}年第${'一二三四'[month / 3 - 1]}季度`,
      start: `${year}-${pad(month - 2)}-01`,
    };
  if (kind === 'year' && month === 12) return { label: `${year}年`, start: `${year}-01-01` };
  return null;
}

/** The minimum per period a parameter sets (a [min, max] range uses its min; null = not required). */
function minimumOf(param: ParamReader, key: string | null): { min: number | null; sourceRef: string } {
  if (key === null) return { min: 1, sourceRef: '' };
  const p = param<number | [number, number] | null>(key);
  return { min: Array.isArray(p.value) ? p.value[0] : p.value, sourceRef: p.sourceRef };
}

const WEEKDAY_ZH = '日一二三四五六';

/** The deadlines of one org falling in one calendar month, sorted by date. Pure: no clock, no DB. */
export function deadlinesOfMonth(input: DeadlineInput): Deadline[] {
  const { org, param, scored, monthly } = input;
  const year = Number(input.month.slice(0, 4));
  const month = Number(input.month.slice(5, 7));
  const end = lastDayOf(year, month);
  const out: Deadline[] = [];
  const themeRule = scored.has('LIFE-006') ? param<ThemeDayRule>('life.themeDay.rule') : null;
  const fixedThemeDay = themeRule?.value?.type === 'NTH_WEEKDAY' ? themeRule.value : null;

  for (const rule of FREQUENCY_RULES) {
    if (!scored.has(rule.ruleId) || !rule.applies(org)) continue;
    if (rule.tag === 'theme_day' && fixedThemeDay) continue;
    const period = periodEndingIn(year, month, rule.period);
    if (!period) continue;
    if (org.establishedOn && org.establishedOn > period.start) continue;
    const since = rule.since?.(org);
    if (since && since > period.start) continue;
    const { min, sourceRef } = minimumOf(param, rule.param);
    if (!min) continue;
    let held = 0;
    for (const [m, n] of Object.entries(monthly[rule.tag] ?? {}))
      if (`${m}-01` >= period.start && `${m}-01` <= end) held += n;
    const what = MEETING_TAG_LABEL[rule.tag];
    out.push({
      date: end,
      periodStart: period.start,
      kind: 'period_due',
      ruleId: rule.ruleId,
      tag: rule.tag,
      title: `${period.label}${what}截止`,
      detail: `${period.label}应至少召开${what}${min}次，已完成${held}次`,
      met: held >= min,
      sourceRef: sourceRef || rule.src,
    });
  }

  if (fixedThemeDay && FREQUENCY_RULES.some((r) => r.tag === 'theme_day' && r.applies(org))) {
    const { n, weekday } = fixedThemeDay;
    const due = nthWeekday(year, month, n, weekdayNumber(weekday));
    const tolerance = param<number>('life.themeDay.toleranceDays').value ?? 0;
    if (!org.establishedOn || org.establishedOn <= due) {
      const held = input.themeDays.some((d) => d >= addDays(due, -tolerance) && d <= addDays(due, tolerance));
      out.push({
        date: due,
        periodStart: `${input.month}-01`,
        kind: 'theme_day',
        ruleId: 'LIFE-006',
        tag: 'theme_day',
        title: `主题党日（每月第${n}个星期${WEEKDAY_ZH[weekdayNumber(weekday)]}）`,
        detail: `按标准应于${due}开展主题党日`,
        met: held,
        sourceRef: themeRule!.sourceRef,
      });
    }
  }

  const term = scored.has('ORG-014') ? termEndDeadline(org.lastRegularElection, input.month) : null;
  if (term) out.push(term);
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** ORG-014: the end of the term begun by the last regular election, when it falls in the month. */
export function termEndDeadline(
  e: { heldOn: string; termYears: number } | null,
  month: string,
): Deadline | null {
  if (!e) return null;
  const termEnd = addYears(e.heldOn, e.termYears);
  if (termEnd.slice(0, 7) !== month) return null;
  return {
    date: termEnd,
    periodStart: null,
    kind: 'term_end',
    ruleId: 'ORG-014',
    tag: null,
    title: '委员会任期届满',
    detail: `上次换届${e.heldOn}，任期${e.termYears}年，应于${termEnd}前按期换届`,
    met: null,
    sourceRef: 'RQYJ §1; ZBTL Ch.6',
  };
}
