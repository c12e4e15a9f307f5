import { orgFinding, withParam } from './finding.ts';
import type { CheckDef, OrgFacts } from './types.ts';

/** ORG-004: a 联合党支部 covers at most 5 units. */
export const jointBranchUnits: CheckDef<OrgFacts> = {
  id: 'joint-branch-units',
  ruleIds: ['ORG-004'],
  facts: 'org',
  params: ['org.jointBranch.maxUnits'],
  judge(o, { asOf, param }) {
    if (o.kind !== 'joint_branch') return [];
    const max = param<number>('org.jointBranch.maxUnits');
    if (o.unitCount <= max.value) return [];
    return [
      orgFinding(
        this.id,
        'ORG-004',
        o,
        'violation',
        asOf,
        `联合党支部覆盖${o.unitCount}个单位，超过${max.value}个`,
        withParam('ZBTL Ch.2; S002 §三(二)1', max.sourceRef),
        { unitCount: o.unitCount, max: max.value },
      ),
    ];
  },
};
