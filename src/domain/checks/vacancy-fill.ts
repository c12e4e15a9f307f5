import { addDays } from '../dates.ts';
import { POSITION_ROLE_LABEL, type PositionRole } from '../../shared/enums.ts';
import { BRANCHES, orgFinding, withParam } from './finding.ts';
import { vacancies } from './leadership-facts.ts';
import type { CheckDef, Finding, OrgFacts } from './types.ts';

const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/**
 * ORG-017: a committee seat left empty between elections is to be filled promptly by a 党员大会
 * (增补). Open vacancies: older than `org.vacancy.fillWithinDays` → violation, otherwise (or when the pack
 * sets no number) info "fill promptly". Seats filled later than that number within the evaluation
 * year → warning. Whether the by-election used a secret ballot is not recorded, so it is not checked.
 */
export const vacancyFill: CheckDef<OrgFacts> = {
  id: 'vacancy-fill',
  ruleIds: ['ORG-017'],
  facts: 'org',
  params: ['org.vacancy.fillWithinDays'],
  judge(o, { asOf, param }) {
    const l = o.leadership;
    if (!l || !(BRANCHES.has(o.kind) || o.kind === 'general_branch' || o.kind === 'committee')) return [];
    const limit = param<number | null>('org.vacancy.fillWithinDays');
    const rule = 'S000 §二(二)2(3); ZBTL Ch.6';
    const src = limit.value === null ? rule : withParam(rule, limit.sourceRef);
    const out: Finding[] = [];
    for (const { seat, filledOn } of vacancies(l)) {
      const role = POSITION_ROLE_LABEL[seat.role as PositionRole] ?? seat.role;
      if (filledOn === null) {
        const open = days(seat.on, asOf);
        const late = limit.value !== null && open > limit.value;
        out.push(
          orgFinding(
            this.id,
            'ORG-017',
            o,
            late ? 'violation' : 'info',
            seat.on,
            late
              ? `${role}职位自${seat.on}空缺已${open}天，超过${limit.value}天未召开党员大会增补`
              : `${role}职位自${seat.on}空缺${open}天，应及时召开党员大会增补${limit.value !== null ? `（due by ${addDays(seat.on, limit.value)}）` : ''}`,
            src,
            { ...seat, openDays: open, fillWithinDays: limit.value },
          ),
        );
      } else if (
        limit.value !== null &&
        filledOn.slice(0, 4) === asOf.slice(0, 4) &&
        days(seat.on, filledOn) > limit.value
      ) {
        out.push(
          orgFinding(
            this.id,
            'ORG-017',
            o,
            'warn',
            filledOn,
            `${role}职位自${seat.on}空缺，${filledOn}才增补，历时${days(seat.on, filledOn)}天（应在${limit.value}天内）`,
            src,
            { ...seat, filledOn, fillWithinDays: limit.value },
          ),
        );
      }
    }
    return out;
  },
};
