import { BRANCHES, orgFinding, withParam } from './finding.ts';
import type { CheckDef, OrgFacts } from './types.ts';

/**
 * ORG-012 for 教师 branches (the one category the data can decide): where `org.secretary.ruleByCategory`
 * asks for a DOUBLE_LEADER ("双带头人"), the secretary must be flagged `teaching_backbone` (教学科研骨干).
 * After `org.secretary.doubleLeaderDeadline` (S002: 2019-12-31) a miss is a violation, before it (or
 * without a deadline) a warning; with a coverage target below 100% a single branch is only info.
 * 机关 (DEPT_HEAD) and 学生 (COUNSELOR/TEACHER/STUDENT) need HR data that is not recorded: not checked.
 */
export const secretarySource: CheckDef<OrgFacts> = {
  id: 'secretary-source',
  ruleIds: ['ORG-012'],
  facts: 'org',
  params: [
    'org.secretary.ruleByCategory',
    'org.secretary.doubleLeaderCoverageTarget',
    'org.secretary.doubleLeaderDeadline',
  ],
  judge(o, { asOf, param }) {
    const flags = o.leadership?.secretaryFlags;
    if (!BRANCHES.has(o.kind) || o.category !== '教师' || !flags) return [];
    const rule = param<Record<string, string[]>>('org.secretary.ruleByCategory');
    if (!(rule.value[o.category] ?? []).includes('DOUBLE_LEADER')) return [];
    if (flags.includes('teaching_backbone')) return [];
    const target = param<number>('org.secretary.doubleLeaderCoverageTarget');
    const deadline = param<string | null>('org.secretary.doubleLeaderDeadline');
    const severity =
      target.value < 1 ? 'info' : deadline.value !== null && asOf > deadline.value ? 'violation' : 'warn';
    return [
      orgFinding(
        this.id,
        'ORG-012',
        o,
        severity,
        asOf,
        `教师党支部书记不是“双带头人”（未标记为教学科研骨干）${deadline.value ? `，应于${deadline.value}前实现全覆盖` : ''}`,
        withParam(withParam('S002 §三(二)5; S003 T14', rule.sourceRef), deadline.sourceRef),
        {
          category: o.category,
          secretaryFlags: flags,
          deadline: deadline.value,
          coverageTarget: target.value,
        },
      ),
    ];
  },
};
