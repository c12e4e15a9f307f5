import { orgFinding, withParam } from './finding.ts';
import type { CheckDef, OrgFacts } from './types.ts';

/** ORG-003: a 党支部 needs at least 3 full members; fewer → form a joint branch with neighbours. */
export const branchMinFullMembers: CheckDef<OrgFacts> = {
  id: 'branch-min-full-members',
  ruleIds: ['ORG-003'],
  facts: 'org',
  params: ['org.branch.minFullMembers'],
  judge(o, { asOf, param }) {
    if (o.kind !== 'branch') return [];
    const min = param<number>('org.branch.minFullMembers');
    const full = o.counts.full ?? 0;
    if (full >= min.value) return [];
    return [
      orgFinding(
        this.id,
        'ORG-003',
        o,
        'warn',
        asOf,
        `正式党员仅${full}名，不足${min.value}名，一般应与邻近单位联合成立党支部`,
        withParam('ZBTL Ch.2; DZ Art.30; S002 §三(二)1', min.sourceRef),
        { full, min: min.value },
      ),
    ];
  },
};
