import { periodsOfYear } from '../meetings/calendar.ts';
import { MEETING_TAG_LABEL, type MeetingTag } from '../../shared/enums.ts';
import { citation } from './citation.ts';
import { BRANCHES, withParam } from './finding.ts';
import { FREQUENCY_RULES } from './meeting-frequency.ts';
import type { CheckDef, Finding, LifeFacts, ParamReader } from './types.ts';

const SRC = 'S004 §三.3; S000 §二(一)2(2); S002 §三(一)3';

/** The filing deadline of a year ('MM-DD' parameter, product default 01-31). */
export function planDueDate(year: number, param: ParamReader): { due: string; sourceRef: string } {
  const p = param<string>('life.annualPlan.dueDate');
  return { due: `${year}-${p.value ?? '01-31'}`, sourceRef: p.sourceRef };
}

const targetName = (v: string | null | undefined) => (!v || v === 'PARENT' ? '上级党组织' : v);

/** The frequency minima (LIFE-002..009) a plan does not cover in the year, in Chinese. */
export function planGaps(f: LifeFacts, year: number, param: ParamReader): string[] {
  const planned = f.plan?.monthly ?? {};
  const gaps: string[] = [];
  for (const rule of FREQUENCY_RULES) {
    if (!rule.applies(f.org)) continue;
    const raw = rule.param ? param<number | [number, number] | null>(rule.param).value : 1;
    const min = Array.isArray(raw) ? raw[0] : raw;
    if (!min) continue;
    const byMonth = planned[rule.tag] ?? {};
    for (const p of periodsOfYear(`${year}-12-31`, rule.period)) {
      let n = 0;
      for (const [month, c] of Object.entries(byMonth))
        if (month >= p.start.slice(0, 7) && month <= p.end) n += c;
      if (n < min)
        gaps.push(
          `${label(p.key)}${MEETING_TAG_LABEL[rule.tag as MeetingTag]}（计划${n}次，应至少${min}次）`,
        );
    }
  }
  return gaps;
}

const label = (key: string) =>
  key.includes('Q')
    ? `第${'一二三四'[Number(key.slice(-1)) - 1]}季度`
    : key.length === 7
      ? `${Number(key.slice(5))}月`
      : '全年';

/**
 * LIFE-014: each branch files its annual plan (年度计划) with the parent org by the deadline
 * (`life.annualPlan.dueDate`, product default 1月31日 — S004 says only "年初"). Filed on the deadline is
 * on time, the day after is late; unfiled before the deadline is only "due" (info). A filed plan that
 * does not cover the pack's meeting minima is a warning listing the gaps. Branches established during
 * the year are not asked (the rule fixes no deadline for them).
 */
export const annualPlan: CheckDef<LifeFacts> = {
  id: 'annual-plan',
  ruleIds: ['LIFE-014'],
  facts: 'life',
  params: ['life.annualPlan.dueDate', 'life.annualPlan.filingTarget'],
  judge(f, { asOf, param }) {
    if (!BRANCHES.has(f.org.kind)) return [];
    const year = Number(asOf.slice(0, 4));
    if (f.org.establishedOn && f.org.establishedOn > `${year}-01-01`) return [];
    const { due, sourceRef } = planDueDate(year, param);
    const target = targetName(param<string>('life.annualPlan.filingTarget').value);
    const filedOn = f.plan?.filedOn && f.plan.filedOn <= asOf ? f.plan.filedOn : null;
    const src = citation(withParam(SRC, sourceRef));
    const finding = (severity: Finding['severity'], message: string, evidence: Record<string, unknown>) => ({
      ruleId: 'LIFE-014',
      checkId: this.id,
      orgId: f.org.orgId,
      personId: null,
      period: String(year),
      severity,
      message,
      sourceRef: src,
      evidence: { due, filedOn, ...evidence },
    });
    const out: Finding[] = [];
    if (!filedOn) {
      if (asOf <= due) out.push(finding('info', `${year}年度计划尚未报${target}备案（due by ${due}）`, {}));
      else
        out.push(
          finding(
            'violation',
            `${year}年度计划未按期报${target}备案（应于${due}前报备，已逾期${days(due, asOf)}天）`,
            {
              planExists: Boolean(f.plan),
            },
          ),
        );
      return out;
    }
    if (filedOn > due)
      out.push(
        finding(
          'violation',
          `${year}年度计划于${filedOn}报备，晚于规定期限${due}（逾期${days(due, filedOn)}天）`,
          {},
        ),
      );
    const gaps = planGaps(f, year, param);
    if (gaps.length)
      out.push(finding('warn', `${year}年度计划未覆盖规定的会议频次：${gaps.join('；')}`, { gaps }));
    return out;
  },
};

/** Whole days from `a` to `b` (calendar dates). */
const days = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
