import { BRANCHES, orgFinding, withParam } from './finding.ts';
import type { CheckDef, OrgFacts } from './types.ts';

/** ORG-006: branch size cap (50; 30 for 教师/学生 branches under S002) — "一般", so a warning. */
export const branchSizeCap: CheckDef<OrgFacts> = {
  id: 'branch-size-cap',
  ruleIds: ['ORG-006'],
  facts: 'org',
  params: ['org.branch.maxMembers', 'org.branch.maxMembersByCategory', 'org.branch.sizeCountsProbationary'],
  judge(o, { asOf, param }) {
    if (!BRANCHES.has(o.kind)) return [];
    const byCategory = param<Record<string, number>>('org.branch.maxMembersByCategory');
    const general = param<number>('org.branch.maxMembers');
    const catCap = byCategory.value?.[o.category];
    const cap = catCap !== undefined ? { value: catCap, sourceRef: byCategory.sourceRef } : general;
    const countsProbationary = param<boolean>('org.branch.sizeCountsProbationary').value;
    const size = (o.counts.full ?? 0) + (countsProbationary ? (o.counts.probationary ?? 0) : 0);
    if (size <= cap.value) return [];
    return [
      orgFinding(
        this.id,
        'ORG-006',
        o,
        'warn',
        asOf,
        `党员${size}名，超过${catCap !== undefined ? `${o.category}党支部` : ''}一般不超过${cap.value}人的规模，可考虑分设`,
        withParam('ZBTL Ch.2', cap.sourceRef),
        { size, cap: cap.value, category: o.category, countsProbationary },
      ),
    ];
  },
};
