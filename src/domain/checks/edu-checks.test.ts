import { describe, expect, it } from 'vitest';
import { orgFacts, paramReader } from '../../../test/check-fixtures.ts';
import type { StudyItem } from '../study/hours.ts';
import type { EduFacts, EduPerson } from './edu-facts.ts';
import { hourAccounting } from './hour-accounting.ts';
import { leaderStudyHours } from './leader-study-hours.ts';
import { newMemberTraining } from './new-member-training.ts';
import { pointsPublication } from './points-publication.ts';
import { secretaryConcentrated } from './secretary-concentrated.ts';
import { secretaryRotation } from './secretary-rotation.ts';
import { studyHours } from './study-hours.ts';

const DEFAULTS: Record<string, unknown> = {
  'edu.member.minHoursPerYear': 32,
  'edu.countOnline': false,
  'edu.leader.minHoursPerYear': 56,
  'edu.leader.minConcentratedSessions': 1,
  'edu.secretary.minConcentratedHoursPerYear': 24,
  'edu.secretary.rotationPerYear': 1,
  'edu.secretary.inductionWithinMonths': 6,
  'edu.hoursPerDay': 8,
  'points.cadence': { tally: 'MONTH', publish: 'QUARTER', rank: 'YEAR' },
};
const ctx = (asOf: string, over: Record<string, unknown> = {}) => ({
  asOf,
  param: paramReader(DEFAULTS, over),
});
const r = (date: string, hours: number, kind: StudyItem['kind'] = 'collective_study'): StudyItem => ({
  date,
  hours,
  kind,
});

const person = (p: Partial<EduPerson> & { roles?: string[] } = {}): EduPerson => ({
  personId: 'p1',
  name: '张三',
  years: [2025, 2026].map((year) => ({
    year,
    refDate: year === 2025 ? '2025-12-31' : '2026-11-24',
    roles: p.roles ?? [],
    secretarySince: p.roles?.includes('secretary') ? '2020-01-01' : null,
  })),
  items: [],
  dayTotals: [],
  credits: [],
  concentratedDates: [],
  probationFrom: null,
  fullFrom: null,
  ...p,
});
const facts = (people: EduPerson[], o: Partial<EduFacts> = {}): EduFacts => ({
  org: orgFacts(),
  years: [2025, 2026],
  people,
  publications: [],
  dayFloor: 8,
  ...o,
});
const ASOF = '2026-11-24';
const period2025 = <T extends { period: string }>(fs: T[]) => fs.filter((f) => f.period === '2025');

describe('EDU-001 study-hours', () => {
  it('31 h in an ended year is a violation, 32 h passes', () => {
    const short = studyHours.judge(facts([person({ items: [r('2025-06-01', 31)] })]), ctx(ASOF));
    expect(period2025(short)).toMatchObject([{ ruleId: 'EDU-001', severity: 'violation', personId: 'p1' }]);
    expect(period2025(short)[0].message).toContain('31学时');
    expect(
      period2025(studyHours.judge(facts([person({ items: [r('2025-06-01', 32)] })]), ctx(ASOF))),
    ).toEqual([]);
  });

  it('the current year short is info "due by Dec 31", never a violation', () => {
    const f = studyHours.judge(facts([person({ items: [r('2026-06-01', 10)] })]), ctx(ASOF));
    expect(f.find((x) => x.period === '2026')).toMatchObject({ severity: 'info' });
    expect(f.find((x) => x.period === '2026')?.message).toContain('2026年12月31日前');
  });

  it('year boundary: hours on Jan 1 2026 do not count for 2025; on Dec 31 2025 they do', () => {
    const jan1 = facts([person({ items: [r('2025-06-01', 30), r('2026-01-01', 2)] })]);
    expect(period2025(studyHours.judge(jan1, ctx(ASOF)))).toHaveLength(1);
    const dec31 = facts([person({ items: [r('2025-06-01', 30), r('2025-12-31', 2)] })]);
    expect(period2025(studyHours.judge(dec31, ctx(ASOF)))).toEqual([]);
  });

  it('meeting credit counts; online only when edu.countOnline; a non-branch org is not checked', () => {
    const p = person({
      items: [r('2025-06-01', 28), r('2025-07-01', 2, 'online')],
      credits: [r('2025-03-01', 2)],
    });
    expect(period2025(studyHours.judge(facts([p]), ctx(ASOF)))).toHaveLength(1);
    expect(period2025(studyHours.judge(facts([p]), ctx(ASOF, { 'edu.countOnline': true })))).toEqual([]);
    expect(studyHours.judge(facts([p], { org: orgFacts({ kind: 'committee' }) }), ctx(ASOF))).toEqual([]);
  });

  it('an empty branch yields nothing', () => {
    expect(studyHours.judge(facts([]), ctx(ASOF))).toEqual([]);
  });
});

describe('EDU-002 leader-study-hours', () => {
  const base = [r('2025-04-01', 8, 'concentrated_training'), r('2025-05-01', 47.5)];
  it('55.5 h is a violation, 56 h passes, for committee members only', () => {
    const short = leaderStudyHours.judge(
      facts([person({ roles: ['committee_member'], items: base })]),
      ctx(ASOF),
    );
    expect(period2025(short)).toMatchObject([{ ruleId: 'EDU-002', severity: 'violation' }]);
    const ok = person({ roles: ['committee_member'], items: [...base, r('2025-05-02', 0.5)] });
    expect(period2025(leaderStudyHours.judge(facts([ok]), ctx(ASOF)))).toEqual([]);
    expect(period2025(leaderStudyHours.judge(facts([person({ items: base })]), ctx(ASOF)))).toEqual([]);
  });

  it('56 h without any concentrated training is a violation', () => {
    const p = person({ roles: ['deputy_secretary'], items: [r('2025-05-01', 60)] });
    const f = period2025(leaderStudyHours.judge(facts([p]), ctx(ASOF)));
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain('集中培训0次');
  });

  it('records summed per year and kind count their sessions: 2 trainings in one item meet 2 required sessions', () => {
    const summed = (sessions: number) =>
      person({
        roles: ['committee_member'],
        items: [
          { date: '2025-01-01', hours: 16, kind: 'concentrated_training', sessions },
          { date: '2025-01-01', hours: 40, kind: 'collective_study', sessions: 10 },
        ],
      });
    const two = ctx(ASOF, { 'edu.leader.minConcentratedSessions': 2 });
    expect(period2025(leaderStudyHours.judge(facts([summed(2)]), two))).toEqual([]);
    expect(period2025(leaderStudyHours.judge(facts([summed(1)]), two))).toMatchObject([
      { ruleId: 'EDU-002', severity: 'violation' },
    ]);
  });
});

describe('EDU-003 secretary-concentrated', () => {
  it('a secretary with 23.5 concentrated hours is a violation, 24 passes; a null parameter disables it', () => {
    const p = (h: number) =>
      person({ roles: ['secretary'], items: [r('2025-04-01', h, 'concentrated_training')] });
    expect(period2025(secretaryConcentrated.judge(facts([p(23.5)]), ctx(ASOF)))).toMatchObject([
      { ruleId: 'EDU-003', severity: 'violation' },
    ]);
    expect(period2025(secretaryConcentrated.judge(facts([p(24)]), ctx(ASOF)))).toEqual([]);
    const off = ctx(ASOF, { 'edu.secretary.minConcentratedHoursPerYear': null });
    expect(secretaryConcentrated.judge(facts([p(0)]), off)).toEqual([]);
  });

  it('committee members are not secretaries', () => {
    expect(secretaryConcentrated.judge(facts([person({ roles: ['committee_member'] })]), ctx(ASOF))).toEqual(
      [],
    );
  });
});

describe('EDU-004 secretary-rotation', () => {
  it('a secretary without a concentrated training in an ended year is a violation; with one passes', () => {
    const none = secretaryRotation.judge(facts([person({ roles: ['secretary'] })]), ctx(ASOF));
    expect(period2025(none)).toMatchObject([{ ruleId: 'EDU-004', severity: 'violation' }]);
    const one = person({ roles: ['secretary'], items: [r('2025-03-01', 8, 'concentrated_training')] });
    expect(period2025(secretaryRotation.judge(facts([one]), ctx(ASOF)))).toEqual([]);
  });

  it('induction within 6 months: day 6 months after taking office is in time, the day after is not', () => {
    const newSec = (trainedOn: string) => {
      const p = person({ roles: ['secretary'], concentratedDates: [trainedOn] });
      for (const y of p.years) y.secretarySince = '2025-01-31';
      return p;
    };
    const induction = (trainedOn: string) =>
      secretaryRotation.judge(facts([newSec(trainedOn)]), ctx(ASOF)).filter((f) => f.evidence.due);
    expect(induction('2025-07-31')).toEqual([]);
    expect(induction('2025-08-01')).toMatchObject([{ severity: 'violation', period: '2025-07-31' }]);
  });
});

describe('EDU-005 new-member-training', () => {
  it('no concentrated training within a year after 转正 is a violation once the window closed', () => {
    const p = (dates: string[]) =>
      person({ probationFrom: '2024-06-01', fullFrom: '2025-06-01', concentratedDates: dates });
    expect(newMemberTraining.judge(facts([p([])]), ctx('2026-06-01'))).toMatchObject([{ severity: 'info' }]);
    expect(newMemberTraining.judge(facts([p([])]), ctx('2026-06-02'))).toMatchObject([
      { ruleId: 'EDU-005', severity: 'violation', period: '2026-06-01' },
    ]);
    expect(newMemberTraining.judge(facts([p(['2026-06-01'])]), ctx('2026-06-02'))).toEqual([]);
  });

  it('a member who moved is reported only at the org of the year the window closed', () => {
    const moved = person({ probationFrom: '2023-06-01', fullFrom: '2024-06-01' });
    expect(newMemberTraining.judge(facts([moved]), ctx(ASOF))).toHaveLength(1);
    const onlyNow = { ...moved, years: moved.years.filter((y) => y.year === 2026) };
    expect(newMemberTraining.judge(facts([onlyNow]), ctx(ASOF))).toEqual([]);
  });

  it('an open window is info; a window closed before the evaluated years is not checked', () => {
    const open = person({ probationFrom: '2026-03-01', fullFrom: null });
    expect(newMemberTraining.judge(facts([open]), ctx(ASOF))).toMatchObject([{ severity: 'info' }]);
    const old = person({ probationFrom: '2010-03-01', fullFrom: '2011-03-01' });
    expect(newMemberTraining.judge(facts([old]), ctx(ASOF))).toEqual([]);
  });
});

describe('EDU-006 hour-accounting', () => {
  const day = (date: string, hours: number) => ({ date, hours });
  it('8 h on a day is fine, 8.5 h is a warning on that day', () => {
    const ok = person({ dayTotals: [day('2025-03-01', 8)] });
    expect(hourAccounting.judge(facts([ok]), ctx(ASOF))).toEqual([]);
    const over = person({ dayTotals: [day('2025-03-02', 8.5), day('2025-03-01', 8.5)] });
    expect(hourAccounting.judge(facts([over]), ctx(ASOF))).toMatchObject([
      { ruleId: 'EDU-006', severity: 'warn', period: '2025-03-01' },
      { ruleId: 'EDU-006', severity: 'warn', period: '2025-03-02' },
    ]);
  });

  it('a higher cap than the loaded floor judges the loaded days; a lower one refuses (days under the floor were not loaded)', () => {
    const p = person({ dayTotals: [day('2025-03-01', 9), day('2025-03-02', 10.5)] });
    expect(
      hourAccounting.judge(facts([p]), ctx(ASOF, { 'edu.hoursPerDay': 10 })).map((f) => f.period),
    ).toEqual(['2025-03-02']);
    expect(() => hourAccounting.judge(facts([p]), ctx(ASOF, { 'edu.hoursPerDay': 6 }))).toThrow(/EDU-006/);
  });
});

describe('EDU-007 points-publication', () => {
  it('each ended quarter needs a publication; the current one is info', () => {
    const all2025 = ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2', '2026-Q3'];
    expect(pointsPublication.judge(facts([], { publications: all2025 }), ctx(ASOF))).toMatchObject([
      { period: '2026-Q4', severity: 'info' },
    ]);
    const missing = pointsPublication.judge(facts([], { publications: all2025.slice(1) }), ctx(ASOF));
    expect(missing.filter((f) => f.severity === 'violation').map((f) => f.period)).toEqual(['2025-Q1']);
  });

  it('quarters before the branch was established are not due; a pack without quarterly publication skips', () => {
    const f = facts([], { org: orgFacts({ establishedOn: '2026-05-01' }) });
    expect(pointsPublication.judge(f, ctx(ASOF)).map((x) => x.period)).toEqual([
      '2026-Q2',
      '2026-Q3',
      '2026-Q4',
    ]);
    const yearly = ctx(ASOF, { 'points.cadence': { tally: 'MONTH', publish: 'YEAR', rank: 'YEAR' } });
    expect(pointsPublication.judge(f, yearly)).toEqual([]);
  });
});
