import { BRANCHES, orgFinding, withParam } from './finding.ts';
import type { CheckDef, Finding, OrgFacts } from './types.ts';

/** A fraction setting (0.8 or "4/5") as an exact ratio [numerator, denominator]. */
export function ratio(v: number | string): [number, number] {
  if (typeof v === 'string') {
    const [a, b] = v.split('/').map(Number);
    return [a, b];
  }
  return [Math.round(v * 1_000_000), 1_000_000];
}

/**
 * ORG-016: at an electing 党员大会 the voters present must exceed `election.quorum` (4/5, strict) of the
 * expected voters, and a candidate needs yes votes above half of `election.majorityBase` (expected by
 * default). Elections of the evaluation year are checked against the votes recorded at the org's
 * 党员大会 on the election day; an election without recorded votes cannot be verified → warning.
 * The 差额 ratio (`election.diffRatio`) and the secret ballot are not checkable: candidate lists and
 * ballot types are not recorded.
 */
export const electionValidity: CheckDef<OrgFacts> = {
  id: 'election-validity',
  ruleIds: ['ORG-016'],
  facts: 'org',
  params: ['election.quorum', 'election.majorityBase'],
  judge(o, { param }) {
    const l = o.leadership;
    if (!l || !(BRANCHES.has(o.kind) || o.kind === 'general_branch' || o.kind === 'committee')) return [];
    const q = param<number | string>('election.quorum');
    const [num, den] = ratio(q.value);
    const base = param<'EXPECTED' | 'PRESENT'>('election.majorityBase').value;
    const src = withParam('XJTL', q.sourceRef);
    const out: Finding[] = [];
    for (const e of l.elections) {
      const what = e.kind === 'by_election' ? '增补选举' : '换届选举';
      if (e.votes.length === 0) {
        out.push(
          orgFinding(
            this.id,
            'ORG-016',
            o,
            'warn',
            e.heldOn,
            `${e.heldOn}${what}没有记录选举票数，无法核验到会人数和得票是否有效`,
            src,
            {
              heldOn: e.heldOn,
              kind: e.kind,
            },
          ),
        );
        continue;
      }
      for (const v of e.votes) {
        const quorate = v.present_voting * den > num * v.expected_voting;
        const denom = base === 'PRESENT' ? v.present_voting : v.expected_voting;
        const elected = v.yes * 2 > denom;
        if (quorate && elected) continue;
        const why = !quorate
          ? `到会有选举权党员${v.present_voting}名，未超过应到会${v.expected_voting}名的${typeof q.value === 'string' ? q.value : `${q.value * 100}%`}`
          : `赞成${v.yes}票，未超过${base === 'PRESENT' ? '实到会' : '应到会'}${denom}名的半数`;
        out.push(
          orgFinding(
            this.id,
            'ORG-016',
            o,
            'violation',
            e.heldOn,
            `${e.heldOn}${what}“${v.motion}”无效：${why}`,
            src,
            {
              heldOn: e.heldOn,
              ...v,
              quorum: q.value,
              majorityBase: base,
            },
          ),
        );
      }
    }
    return out;
  },
};
