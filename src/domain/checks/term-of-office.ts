import { addDays, addYears } from '../dates.ts';
import { BRANCHES, orgFinding } from './finding.ts';
import type { CheckDef, OrgFacts } from './types.ts';

/** ORG-014 term end; ORG-015 elections on time (overdue = violation; within the reminder window = info). */
export const termOfOffice: CheckDef<OrgFacts> = {
  id: 'term-of-office',
  ruleIds: ['ORG-014', 'ORG-015'],
  facts: 'org',
  params: ['org.term.reminderDays'],
  judge(o, { asOf, param }) {
    if (!BRANCHES.has(o.kind) && o.kind !== 'general_branch' && o.kind !== 'committee') return [];
    const e = o.lastRegularElection;
    if (!e) {
      return [
        orgFinding(
          this.id,
          'ORG-014',
          o,
          'warn',
          asOf,
          '没有换届选举记录，无法确定任期',
          'RQYJ §1; ZBTL Ch.6',
          {},
        ),
      ];
    }
    const termEnd = addYears(e.heldOn, e.termYears);
    const ev = { lastElection: e.heldOn, termYears: e.termYears, termEnd };
    if (asOf > termEnd) {
      const days = Math.round((Date.parse(asOf) - Date.parse(termEnd)) / 86_400_000);
      return [
        orgFinding(
          this.id,
          'ORG-015',
          o,
          'violation',
          termEnd,
          `任期已于${termEnd}届满，超期${days}天未换届`,
          'RQYJ §2; ZBTL Ch.6; S000 §二(二)2(3); S001 #6; S003 T12',
          { ...ev, overdueDays: days },
        ),
      ];
    }
    const [window] = param<number[]>('org.term.reminderDays').value;
    if (window !== undefined && addDays(asOf, window) >= termEnd) {
      return [
        orgFinding(
          this.id,
          'ORG-014',
          o,
          'info',
          termEnd,
          `任期将于${termEnd}届满，请按期换届（due by ${termEnd}）`,
          'RQYJ §1; ZBTL Ch.6',
          ev,
        ),
      ];
    }
    return [];
  },
};
