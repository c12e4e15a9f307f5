import { wholeYears } from '../dates.ts';
import { orgFinding, withParam } from './finding.ts';
import type { CheckDef, OrgFacts } from './types.ts';

/** ORG-011: a secretary generally has ≥1 year as a full member, counted at appointment. */
export const secretaryPartyAge: CheckDef<OrgFacts> = {
  id: 'secretary-party-age',
  ruleIds: ['ORG-011'],
  facts: 'org',
  params: ['org.secretary.minPartyYears'],
  judge(o, { param }) {
    const min = param<number>('org.secretary.minPartyYears');
    const src = withParam('ZBTL Art.23', min.sourceRef);
    return o.positions
      .filter((p) => p.role === 'secretary')
      .flatMap((p) => {
        const years = p.fullSince && p.fullSince <= p.validFrom ? wholeYears(p.fullSince, p.validFrom) : null;
        if (years !== null && years >= min.value) return [];
        const message =
          years === null
            ? `书记任职时（${p.validFrom}）不是正式党员`
            : `书记任职时（${p.validFrom}）党龄不足${min.value}年（${p.fullSince}转正）`;
        return [
          {
            ...orgFinding(this.id, 'ORG-011', o, 'warn', p.validFrom, message, src, {
              fullSince: p.fullSince,
              appointedOn: p.validFrom,
              min: min.value,
            }),
            personId: p.personId,
          },
        ];
      });
  },
};
