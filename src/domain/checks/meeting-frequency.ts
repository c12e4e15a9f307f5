import { type PeriodKind, periodsOfYear } from '../meetings/calendar.ts';
import { MEETING_TAG_LABEL, type MeetingTag } from '../../shared/enums.ts';
import { BRANCHES, withParam } from './finding.ts';
import { citation } from './citation.ts';
import type { CheckDef, Finding, LifeFacts, OrgFacts, ParamReader } from './types.ts';

type Rule = {
  ruleId: string;
  tag: MeetingTag;
  period: PeriodKind;
  /** Parameter holding the minimum per period (a [min, max] range uses its min; null value = not required); none = once. */
  param: string | null;
  src: string;
  applies: (o: OrgFacts) => boolean;
  /** The rule applies only to periods starting on or after this date (e.g. once the committee exists). */
  since?: (o: OrgFacts) => string | null;
};

const committeeSeats = (o: OrgFacts) =>
  o.positions
    .filter((p) => p.role !== 'group_leader')
    .map((p) => p.validFrom)
    .sort();
const hasCommittee = (o: OrgFacts) => committeeSeats(o).length >= 3;
/** The day the current committee reached three members (its third seat was filled). */
const committeeSince = (o: OrgFacts) => committeeSeats(o)[2] ?? null;

/** LIFE-002/003/004/005/006/008/009: how many complete records of a kind each period needs. */
export const FREQUENCY_RULES: Rule[] = [
  {
    ruleId: 'LIFE-002',
    tag: 'branch_assembly',
    period: 'quarter',
    param: 'life.partyCongress.minPerQuarter',
    src: 'ZBTL Ch.4',
    applies: (o) => BRANCHES.has(o.kind),
  },
  {
    ruleId: 'LIFE-003',
    tag: 'committee_meeting',
    period: 'month',
    param: 'life.committee.minPerMonth',
    src: 'ZBTL Ch.4',
    applies: (o) => BRANCHES.has(o.kind) && hasCommittee(o),
    since: committeeSince,
  },
  {
    ruleId: 'LIFE-004',
    tag: 'group_meeting',
    period: 'month',
    param: 'life.groupMeeting.minPerMonth',
    src: 'ZBTL Ch.4',
    applies: (o) => o.kind === 'group',
  },
  {
    ruleId: 'LIFE-005',
    tag: 'party_lecture',
    period: 'quarter',
    param: 'life.lecture.branchMinPerQuarter',
    src: 'S002 §三(二)3',
    applies: (o) => BRANCHES.has(o.kind),
  },
  {
    ruleId: 'LIFE-006',
    tag: 'theme_day',
    period: 'month',
    param: null,
    src: 'ZBTL Ch.5',
    applies: (o) => BRANCHES.has(o.kind),
  },
  {
    ruleId: 'LIFE-008',
    tag: 'org_life_meeting',
    period: 'year',
    param: 'life.orgLifeMeeting.minPerYear',
    src: 'ZBTL Ch.5',
    applies: (o) => BRANCHES.has(o.kind),
  },
  {
    ruleId: 'LIFE-009',
    tag: 'member_review',
    period: 'year',
    param: 'life.review.minPerYear',
    src: 'ZBTL Ch.5',
    applies: (o) => BRANCHES.has(o.kind),
  },
];

type Period = { key: string; start: string; end: string; months: string[] };
/** The periods of each kind as of a day, with their months: the same for every org of a run (computed once). */
const periodsMemo = new Map<string, Period[]>();
function periodsWithMonths(asOf: string, kind: PeriodKind): Period[] {
  const key = `${asOf}|${kind}`;
  let hit = periodsMemo.get(key);
  if (!hit) {
    if (periodsMemo.size > 64) periodsMemo.clear();
    hit = periodsOfYear(asOf, kind).map((p) => ({ ...p, months: monthsOf(p.start, p.end) }));
    periodsMemo.set(key, hit);
  }
  return hit;
}

/** The 'YYYY-MM' keys of the months a period spans (1, 3 or 12). */
function monthsOf(start: string, end: string): string[] {
  const out: string[] = [];
  const y = start.slice(0, 4);
  for (let m = Number(start.slice(5, 7)); m <= Number(end.slice(5, 7)); m++)
    out.push(`${y}-${String(m).padStart(2, '0')}`);
  return out;
}

const PERIOD_LABEL = (key: string) =>
  key.includes('Q')
    ? `${key.slice(0, 4)}年第${'一二三四'[Number(key.slice(-1)) - 1]}季度`
    : key.length === 7
      ? `${key.slice(0, 4)}年${Number(key.slice(5))}月`
      : `${key}年`;

/** The minimum a parameter sets: a number, the low end of a range, or null when the pack does not require it. */
function minimum(param: ParamReader, key: string | null): { min: number | null; sourceRef: string } {
  if (key === null) return { min: 1, sourceRef: '' };
  const p = param<number | [number, number] | null>(key);
  const min = Array.isArray(p.value) ? p.value[0] : p.value;
  return { min, sourceRef: p.sourceRef };
}

/**
 * Only periods that have ended by asOf yield violations; the current period yields at most an
 * `info` "due by …" (RULES.md §0.3, DATASET.md). Periods that began before the org was established are skipped.
 */
export const meetingFrequency: CheckDef<LifeFacts> = {
  id: 'meeting-frequency',
  ruleIds: FREQUENCY_RULES.map((r) => r.ruleId),
  facts: 'life',
  params: FREQUENCY_RULES.flatMap((r) => (r.param ? [r.param] : [])),
  judge(f, { asOf, param }) {
    const out: Finding[] = [];
    for (const rule of FREQUENCY_RULES) {
      if (!rule.applies(f.org)) continue;
      const { min, sourceRef } = minimum(param, rule.param);
      if (!min) continue;
      const byMonth = f.monthly[rule.tag] ?? {};
      const since = rule.since?.(f.org);
      // the rule's citation, made at its first finding (once per org and rule, not per period)
      let cited: string | undefined;
      for (const p of periodsWithMonths(asOf, rule.period)) {
        if (f.org.establishedOn && f.org.establishedOn > p.start) continue;
        if (since && since > p.start) continue;
        let held = 0;
        for (const month of p.months) held += byMonth[month] ?? 0;
        if (held >= min) continue;
        const ended = asOf >= p.end;
        const what = MEETING_TAG_LABEL[rule.tag];
        cited ??= citation(sourceRef ? withParam(rule.src, sourceRef) : rule.src);
        out.push({
          ruleId: rule.ruleId,
          checkId: this.id,
          orgId: f.org.orgId,
          personId: null,
          period: p.key,
          severity: ended ? 'violation' : 'info',
          message: ended
            ? `${PERIOD_LABEL(p.key)}${held ? `仅召开${held}次` : '未召开'}${what}（应至少${min}次）`
            : `${PERIOD_LABEL(p.key)}尚需召开${what}${min - held}次（due by ${p.end}）`,
          sourceRef: cited,
          evidence: { tag: rule.tag, held, min, periodEnd: p.end },
        });
      }
    }
    return out;
  },
};
