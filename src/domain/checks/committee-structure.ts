import { BRANCHES, COMMITTEE_ROLES, orgFinding, withParam } from './finding.ts';
import type { CheckDef, Finding, OrgFacts, Severity } from './types.ts';

/** ORG-008: ≥7 full members → a committee of 3–5 (≤7) with 书记, 组织, 宣传, 纪检 and ≤1 副书记; fewer → 书记 only. */
export const committeeStructure: CheckDef<OrgFacts> = {
  id: 'committee-structure',
  ruleIds: ['ORG-008'],
  facts: 'org',
  params: [
    'org.committee.threshold',
    'org.committee.thresholdBasis',
    'org.committee.sizeRange',
    'org.committee.sizeMax',
  ],
  judge(o, { asOf, param }) {
    if (!BRANCHES.has(o.kind)) return [];
    const threshold = param<number>('org.committee.threshold');
    const basis = param<'FULL' | 'ALL'>('org.committee.thresholdBasis').value;
    const [lo, hi] = param<[number, number]>('org.committee.sizeRange').value;
    const max = param<number>('org.committee.sizeMax').value;
    const members = (o.counts.full ?? 0) + (basis === 'ALL' ? (o.counts.probationary ?? 0) : 0);
    const leaders = o.positions.filter((p) => COMMITTEE_ROLES.has(p.role));
    const size = new Set(leaders.map((p) => p.personId)).size;
    const secretaries = leaders.filter((p) => p.role === 'secretary').length;
    const deputies = leaders.filter((p) => p.role === 'deputy_secretary').length;
    const src = withParam('ZBTL Ch.6; S002 §三(二)1', threshold.sourceRef);
    const ev = { members, basis, threshold: threshold.value, committeeSize: size, secretaries, deputies };
    const out: Finding[] = [];
    const add = (severity: Severity, message: string, extra: Record<string, unknown> = {}) =>
      out.push(orgFinding(this.id, 'ORG-008', o, severity, asOf, message, src, { ...ev, ...extra }));
    if (secretaries === 0) add('violation', '未配备党支部书记');
    if (deputies > 1) add('warn', `配备副书记${deputies}名，一般不超过1名`);
    if (members >= threshold.value) {
      if (size < lo)
        add(
          'violation',
          `党员${members}名（${threshold.value}名以上），应设立${lo}至${hi}人的支部委员会，现有委员${size}名`,
        );
      else if (size > max) add('violation', `支部委员会${size}人，超过${max}人`);
      else if (size > hi) add('warn', `支部委员会${size}人，一般为${lo}至${hi}人`);
      if (size >= lo) {
        const duties = new Set(leaders.map((p) => p.duty));
        const missing = (['organization', 'propaganda', 'discipline'] as const).filter((d) => !duties.has(d));
        const label = { organization: '组织委员', propaganda: '宣传委员', discipline: '纪检委员' };
        if (missing.length)
          add('warn', `支部委员会缺少${missing.map((d) => label[d]).join('、')}分工`, {
            missingDuties: missing,
          });
      }
    } else if (leaders.some((p) => p.role === 'committee_member')) {
      add(
        'info',
        `党员${members}名（不足${threshold.value}名），一般不设支部委员会，只设书记（必要时设副书记）`,
      );
    }
    return out;
  },
};
