import { quarterEnd, quartersOf } from '../study/points.ts';
import { citation } from './citation.ts';
import type { EduFacts } from './edu-facts.ts';
import { BRANCHES, withParam } from './finding.ts';
import type { CheckDef, Finding } from './types.ts';

const label = (q: string) => `${q.slice(0, 4)}年第${'一二三四'[Number(q.slice(-1)) - 1]}季度`;

/**
 * EDU-007: points are tallied monthly, published quarterly, ranked yearly (月统计、季公示、年评比).
 * The tally and ranking are computed from the entries; what a branch must do is publish each quarter:
 * an ended quarter without a publication is a violation, the current one info "due by".
 */
export const pointsPublication: CheckDef<EduFacts> = {
  id: 'points-publication',
  ruleIds: ['EDU-007'],
  facts: 'edu',
  params: ['points.cadence'],
  judge(f, { asOf, param }) {
    if (!BRANCHES.has(f.org.kind)) return [];
    const cadence = param<{ publish: string }>('points.cadence');
    if (cadence.value.publish !== 'QUARTER') return [];
    const src = citation(withParam('S002 §三(二)4; S004 §三.3; S001 #13', cadence.sourceRef));
    const published = new Set(f.publications);
    const since = f.org.establishedOn ?? '0000-01-01';
    const out: Finding[] = [];
    for (const year of f.years) {
      const { ended, current } = quartersOf(year, asOf);
      for (const q of ended) {
        if (published.has(q) || quarterEnd(q) < since) continue;
        out.push({
          ruleId: 'EDU-007',
          checkId: this.id,
          orgId: f.org.orgId,
          personId: null,
          period: q,
          severity: 'violation',
          message: `${label(q)}党员积分未公示`,
          sourceRef: src,
          evidence: { quarter: q, published: false },
        });
      }
      if (current && !published.has(current))
        out.push({
          ruleId: 'EDU-007',
          checkId: this.id,
          orgId: f.org.orgId,
          personId: null,
          period: current,
          severity: 'info',
          message: `${label(current)}党员积分应于季度结束后公示`,
          sourceRef: src,
          evidence: { quarter: current, published: false },
        });
    }
    return out;
  },
};
