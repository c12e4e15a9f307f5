import { beforeAll, describe, expect, it } from 'vitest';
import { orgFacts } from '../../../test/check-fixtures.ts';
import { packParams } from '../../services/compliance/evaluate.ts';
import { loadStandardPacks } from '../../services/standards/pack-files.ts';
import { annualPlan } from '../checks/annual-plan.ts';
import { meetingFrequency } from '../checks/meeting-frequency.ts';
import { themeDayDate } from '../checks/theme-day-date.ts';
import type { LifeFacts, OrgFacts, ParamReader } from '../checks/types.ts';
import { nthWeekday } from '../meetings/calendar.ts';
import type { ResolvedPack } from '../standards/pack-schema.ts';
import { type PlanItemDraft, draftAnnualPlan } from './draft.ts';

const committee: OrgFacts['positions'] = ['s', 'd', 'c'].map((p, i) => ({
  personId: p,
  role: ['secretary', 'deputy_secretary', 'committee_member'][i],
  duty: null,
  validFrom: '2020-01-01',
  fullSince: '2010-01-01',
}));

/** The facts of a branch (or its 党小组) that held every planned item as a complete record. */
function heldAsPlanned(items: PlanItemDraft[], o: Partial<OrgFacts>, filedOn: string | null): LifeFacts {
  const monthly: LifeFacts['monthly'] = {};
  for (const i of items)
    for (const t of i.tags) {
      monthly[t] ??= {};
      monthly[t][i.plannedOn.slice(0, 7)] = (monthly[t][i.plannedOn.slice(0, 7)] ?? 0) + 1;
    }
  return {
    org: orgFacts({ counts: { full: 12 }, positions: committee, ...o }),
    monthly,
    themeDays: items.filter((i) => i.tags.includes('theme_day')).map((i) => i.plannedOn),
    incomplete: [],
    noFirstTopic: [],
    votes: [],
    plan: { filedOn, monthly },
  };
}

let packs: ResolvedPack[] = [];
beforeAll(async () => {
  const r = await loadStandardPacks();
  expect(r.errors).toEqual([]);
  packs = r.packs;
});

describe('draftAnnualPlan (LIFE-014 年度计划)', () => {
  it('covers the six packs', () => expect(packs).toHaveLength(6));

  it.each([2026, 2027])(
    'for every pack, the %i draft held as planned passes meeting-frequency, theme-day-date and LIFE-014',
    (year) => {
      for (const pack of packs) {
        const param: ParamReader = packParams(pack);
        const items = draftAnnualPlan({ year, param, hasCommittee: true, hasGroups: true, secretaryId: 's' });
        const ctx = { asOf: `${year}-12-31`, param };
        const branch = heldAsPlanned(items, {}, `${year}-01-15`);
        const group = heldAsPlanned(items, { kind: 'group', positions: [] }, null);
        expect(meetingFrequency.judge(branch, ctx), pack.id).toEqual([]);
        expect(meetingFrequency.judge(group, ctx), `${pack.id} 党小组`).toEqual([]);
        expect(themeDayDate.judge(branch, ctx), pack.id).toEqual([]);
        expect(annualPlan.judge(branch, ctx), pack.id).toEqual([]);
        expect(items.every((i) => i.plannedOn.startsWith(String(year)))).toBe(true);
      }
    },
  );

  it('each item named in Chinese; 支委会 only with a committee, 党小组会 only with groups', () => {
    const param = packParams(packs.find((p) => p.id === 'national-baseline')!);
    const bare = draftAnnualPlan({ year: 2026, param, hasCommittee: false, hasGroups: false });
    expect(bare.some((i) => i.tags.includes('committee_meeting'))).toBe(false);
    expect(bare.some((i) => i.tags.includes('group_meeting'))).toBe(false);
    const full = draftAnnualPlan({ year: 2026, param, hasCommittee: true, hasGroups: true });
    expect(full.filter((i) => i.tags.includes('committee_meeting'))).toHaveLength(12);
    expect(full.filter((i) => i.tags.includes('group_meeting'))).toHaveLength(12);
    expect(full.every((i) => /[\u4e00-\u9fa5]/.test(i.theme))).toBe(true);
  });

  it('national baseline (no quarterly 党课): one 党课 a year, given by the secretary', () => {
    const param = packParams(packs.find((p) => p.id === 'national-baseline')!);
    const lectures = draftAnnualPlan({
      year: 2026,
      param,
      hasCommittee: true,
      hasGroups: false,
      secretaryId: 's',
    }).filter((i) => i.tags.includes('party_lecture'));
    expect(lectures).toHaveLength(1);
    expect(lectures[0].lecturerId).toBe('s');
  });

  it('S002 pack: quarterly 党课, 主题党日 on every 4th Thursday, 组织生活会 with 民主评议 in December', () => {
    const param = packParams(packs.find((p) => p.id === 'nwnu-2019-standardization')!);
    const items = draftAnnualPlan({ year: 2026, param, hasCommittee: true, hasGroups: false });
    expect(items.filter((i) => i.tags.includes('party_lecture'))).toHaveLength(4);
    const themeDays = items.filter((i) => i.tags.includes('theme_day')).map((i) => i.plannedOn);
    expect(themeDays).toEqual(Array.from({ length: 12 }, (_, m) => nthWeekday(2026, m + 1, 4, 4)));
    const life = items.filter((i) => i.tags.includes('org_life_meeting'));
    expect(life.map((i) => [i.tags, i.plannedOn.slice(0, 7)])).toEqual([
      [['org_life_meeting', 'member_review'], '2026-12'],
    ]);
  });

  it('items come sorted by date', () => {
    const param = packParams(packs[0]);
    const days = draftAnnualPlan({ year: 2026, param, hasCommittee: true, hasGroups: true }).map(
      (i) => i.plannedOn,
    );
    expect(days).toEqual([...days].sort());
  });
});
