import { citation } from './citation.ts';
import type { CheckDef, Finding, LifeFacts } from './types.ts';

/** One vote as recorded on a meeting (ORG-016/019/020). */
export type MeetingVoteFacts = LifeFacts['votes'][number]['vote'];

/**
 * ORG-019: only 正式党员 have 表决权 — a recorded vote's "expected voting members" may not exceed the org's
 * full members that day; more counts people without voting rights (e.g. 预备党员) → violation. Fewer is not
 * judged: members excluded from the count with approval, and 预备党员 whose conversion (dated back to the
 * end of probation) the meeting has yet to vote on, are not recorded as such.
 */
export const votingRights: CheckDef<LifeFacts> = {
  id: 'voting-rights',
  ruleIds: ['ORG-019'],
  facts: 'life',
  params: [],
  judge(f) {
    const out: Finding[] = [];
    const voters = f.votersOn;
    if (!voters) return out;
    for (const { meetingId, date, vote: v } of f.votes) {
      const full = voters[meetingId];
      if (full === undefined || v.expected_voting <= full) continue;
      out.push({
        ruleId: 'ORG-019',
        checkId: this.id,
        orgId: f.org.orgId,
        personId: null,
        period: date,
        severity: 'violation',
        message: `${date}表决“${v.motion}”应到会有表决权党员记为${v.expected_voting}名，多于当日正式党员${full}名（预备党员没有表决权）`,
        sourceRef: citation('DZ Ch.1; XJTL'),
        evidence: { meetingId, expectedVoting: v.expected_voting, fullMembers: full, motion: v.motion },
      });
    }
    return out;
  },
};
