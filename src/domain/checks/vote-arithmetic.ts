import { hasQuorum, inconsistent } from '../meetings/votes.ts';
import { citation } from './citation.ts';
import type { CheckDef, Finding, LifeFacts } from './types.ts';

/**
 * ORG-020: a 党员大会 vote needs more than half of the voting members present; counts that cannot be
 * true (more ballots than voters present, more present than expected) are reported as record errors.
 */
export const voteArithmetic: CheckDef<LifeFacts> = {
  id: 'vote-arithmetic',
  ruleIds: ['ORG-020'],
  facts: 'life',
  params: [],
  judge(f) {
    const out: Finding[] = [];
    for (const { meetingId, date, vote: v } of f.votes) {
      const base = {
        ruleId: 'ORG-020',
        checkId: this.id,
        orgId: f.org.orgId,
        personId: null,
        period: date,
        sourceRef: citation('ZBTL Ch.4'),
        evidence: { meetingId, ...v },
      };
      if (inconsistent(v)) {
        out.push({
          ...base,
          severity: 'violation',
          message: `${date}表决“${v.motion}”票数不符：应到${v.expected_voting}、实到${v.present_voting}，赞成${v.yes}、反对${v.no}、弃权${v.abstain}`,
        });
      } else if (!hasQuorum(v)) {
        out.push({
          ...base,
          severity: 'violation',
          message: `${date}表决“${v.motion}”时到会有表决权党员${v.present_voting}名，未超过应到${v.expected_voting}名的半数，表决无效`,
        });
      }
    }
    return out;
  },
};
