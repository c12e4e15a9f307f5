import { citation } from './citation.ts';
import { BRANCHES, withParam } from './finding.ts';

import type { CheckDef, Finding, LifeFacts } from './types.ts';

import { totalOf, withRate } from './participation.ts';

const pct = (r: number) => `${Math.round(r * 1000) / 10}%`;

/**
 * LIFE-019: attended / expected member-meetings of the year so far (member-wide records of this branch,
 * current members), per branch and per member, against `life.participation.target` (no source value:
 * null = not required, no finding). The year in progress yields at most `info`; an ended year a
 * violation for the branch and a warning for each member below the target.
 */
export const participationRate: CheckDef<LifeFacts> = {
  id: 'participation-rate',
  ruleIds: ['LIFE-019'],
  facts: 'life',
  params: ['life.participation.target'],
  judge(f, { asOf, param }) {
    const p = f.participation;
    const target = param<number | null>('life.participation.target');
    if (!p || target.value === null || !BRANCHES.has(f.org.kind)) return [];
    const year = asOf.slice(0, 4);
    const ended = asOf >= `${year}-12-31`;
    const src = citation(withParam('S004 §二.3', target.sourceRef));
    const out: Finding[] = [];
    const base = { ruleId: 'LIFE-019', checkId: this.id, orgId: f.org.orgId, period: year, sourceRef: src };
    const all = totalOf(p.members);
    if (all.rate !== null && all.rate < target.value)
      out.push({
        ...base,
        personId: null,
        severity: ended ? 'violation' : 'info',
        message: `${year}年党员参加组织生活${all.attended}/${all.expected}人次，参与率${pct(all.rate)}，低于目标${pct(target.value)}`,
        evidence: { ...all, target: target.value },
      });
    for (const m of p.members) {
      const r = withRate(m.year);
      if (r.rate === null || r.rate >= target.value) continue;
      out.push({
        ...base,
        personId: m.personId,
        severity: ended ? 'warn' : 'info',
        message: `${m.name} ${year}年应参加组织生活${r.expected}次，实际参加${r.attended}次（请假${r.leave}次），参与率${pct(r.rate)}，低于目标${pct(target.value)}`,
        evidence: { ...r, target: target.value },
      });
    }
    return out;
  },
};
