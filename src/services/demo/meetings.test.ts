import { describe, expect, it } from 'vitest';
import { addYears } from '../../domain/dates.ts';
import type { DatasetDoc } from '../../shared/contracts/dataset.contract.ts';
import { DEMO_MEETING_GAPS, generateDemoDataset, resolveMeetingGaps } from './demo-dataset.ts';
import { shiftDays } from './history.ts';
import {
  daysBetween,
  fourthThursday,
  monthOf,
  nthWeekday,
  periodBack,
  quarterOf,
} from './meeting-calendar.ts';
import type { DemoMeetingTag } from './meeting-gaps.ts';
import { MeetingRoster } from './meeting-roster.ts';
import { type DemoMeeting, generateMeetings } from './meetings.ts';

const CASES: [string, number | undefined][] = [
  ['2026-05-20', undefined],
  ['2025-09-02', 7],
  ['2028-02-29', 42],
  // First days of a quarter and of a year: the gaps' periods are the ones just ended.
  ['2026-04-01', 3],
  ['2027-01-01', 11],
];
const BRANCH = new Set(['branch', 'joint_branch', 'temp_branch']);
const SEATS = new Set(['secretary', 'deputy_secretary', 'committee_member']);
const day = (m: DemoMeeting) => m.held_at.slice(0, 10);
const on = (r: { from: string; to?: string | null }, d: string) => r.from <= d && (r.to == null || d < r.to);

/** Independent reading of the dataset: members and seats of an org on a day. */
function lookup(doc: DatasetDoc) {
  const rows = new Map<string, DatasetDoc['memberships']>();
  for (const m of doc.memberships)
    if (m.status === 'full' || m.status === 'probationary') rows.set(m.org, [...(rows.get(m.org) ?? []), m]);
  const members = (org: string, d: string) => (rows.get(org) ?? []).filter((r) => on(r, d));
  const seats = (org: string, d: string) => doc.positions.filter((p) => p.org === org && on(p, d));
  return { members, seats };
}

describe('meeting calendar', () => {
  it('finds the 4th Thursday and counts periods back', () => {
    expect(fourthThursday('2025-03')).toBe('2025-03-27');
    expect(fourthThursday('2026-01-15')).toBe('2026-01-22');
    expect(nthWeekday(2024, 2, 4, 4)).toBe('2024-02-22');
    expect(periodBack('2026-05-20', 'quarter', 2).key).toBe('2025-Q4');
    expect(periodBack('2026-01-02', 'month', 1)).toEqual({
      key: '2025-12',
      start: '2025-12-01',
      end: '2025-12-31',
    });
    expect(periodBack('2028-02-29', 'quarter', 0).end).toBe('2028-03-31');
  });
});

describe.each(CASES)('school meetings as of %s (seed %s)', (asOf, seed) => {
  const doc = generateDemoDataset({ asOf, seed });
  const meetings = (doc.meetings ?? []) as DemoMeeting[];
  const orgs = new Map(doc.orgs.map((o) => [o.code, o]));
  const { members, seats } = lookup(doc);
  const roster = new MeetingRoster(doc);
  const gaps = resolveMeetingGaps(asOf);
  const windowStart = shiftDays(addYears(asOf, -2), 1);
  const branchOf = (org: string) => {
    const o = orgs.get(org);
    return o?.kind === 'group' ? (o.parent as string) : org;
  };
  const of = (org: string, tag: DemoMeetingTag, from: string, to: string) =>
    meetings.filter((m) => m.org === org && m.tags.includes(tag) && day(m) >= from && day(m) <= to);
  /** The records each gap designates (the first record with its tag in its period). */
  const designated = new Map<DemoMeeting, string>();
  for (const g of gaps) {
    const first = of(g.org, g.tag, g.period.start, g.period.end)[0];
    if (first && g.what !== 'missing') designated.set(first, g.what);
  }
  const gapped = (m: DemoMeeting, what: string) => designated.get(m) === what;
  /** First day an org could meet: window start, founding, first member. */
  const activeFrom = (org: string) => {
    const first = doc.memberships
      .filter((r) => r.org === branchOf(org) && (r.status === 'full' || r.status === 'probationary'))
      .map((r) => r.from)
      .sort()[0];
    return [windowStart, orgs.get(org)?.established_on ?? '', first ?? '9999'].sort().at(-1) as string;
  };

  it('is deterministic, sized like a university, and varies with the seed', () => {
    expect(generateMeetings(doc, { seed: seed ?? 20260101, asOf, gaps: true })).toEqual(meetings);
    expect(generateMeetings(doc, { seed: 5, asOf, gaps: true })).not.toEqual(meetings);
    expect(meetings.length).toBeGreaterThan(7000);
    expect(meetings.length).toBeLessThanOrEqual(15000);
  });

  it('holds every meeting in a branch or 党小组, in the two years up to asOf, with consistent times', () => {
    for (const m of meetings) {
      const kind = orgs.get(m.org)?.kind ?? '';
      expect(BRANCH.has(kind) || kind === 'group', m.org).toBe(true);
      expect(day(m) >= windowStart && day(m) <= asOf, m.held_at).toBe(true);
      expect(day(m) >= (orgs.get(m.org)?.established_on ?? '')).toBe(true);
      expect(m.ended_at.slice(0, 10)).toBe(day(m));
      expect(m.ended_at > m.held_at).toBe(true);
      expect(m.recorded_at >= m.ended_at && m.recorded_at.slice(0, 10) <= asOf, m.recorded_at).toBe(true);
      expect(m.tags.includes('group_meeting')).toBe(kind === 'group');
      expect(m.topic.length > 0 && m.place.length > 0 && m.minutes.length > 0).toBe(true);
    }
  });

  it('takes every person from the branch of the day, and counts who was expected', () => {
    for (const m of meetings) {
      const d = day(m);
      const branch = branchOf(m.org);
      const inBranch = new Set(members(branch, d).map((r) => r.person));
      const refs = [m.host, m.recorder, m.lecturer, ...m.attendance.map((a) => a.person)];
      for (const ref of refs) if (ref) expect(inBranch.has(ref), `${m.org} ${d} ${ref}`).toBe(true);
      let pool = [...inBranch];
      if (m.tags[0] === 'committee_meeting')
        pool = [
          ...new Set(
            seats(branch, d)
              .filter((p) => SEATS.has(p.role))
              .map((p) => p.person),
          ),
        ];
      if (m.tags[0] === 'group_meeting') pool = pool.filter((p) => roster.groupOf.get(p) === m.org);
      expect(m.expected, `${m.org} ${d}`).toBe(pool.length);
      const away = new Set(m.attendance.map((a) => a.person));
      expect(away.size).toBe(m.attendance.length);
      for (const a of m.attendance) {
        expect(pool).toContain(a.person);
        expect(a.reason.length).toBeGreaterThan(0);
      }
      expect(away.has(m.host)).toBe(false);
      expect((m.expected - m.attendance.length) * 2 > m.expected, `${m.org} ${d}`).toBe(true);
    }
  });

  it('lets the secretary host, the group leader lead, and gives 党课 a lecturer', () => {
    for (const m of meetings) {
      const d = day(m);
      const secretaries = seats(branchOf(m.org), d).filter((p) => p.role === 'secretary');
      const secretary = secretaries.sort((a, b) => (a.from < b.from ? 1 : -1))[0]?.person;
      const leader = seats(m.org, d).find((p) => p.role === 'group_leader')?.person;
      if (m.tags[0] === 'group_meeting') expect([leader, secretary]).toContain(m.host);
      else if (secretary) expect(m.host, `${m.org} ${d}`).toBe(secretary);
      expect(m.tags.includes('party_lecture')).toBe(m.lecturer !== undefined);
      if (m.tags[0] === 'committee_meeting') {
        const committee = new Set(
          seats(m.org, d)
            .filter((p) => SEATS.has(p.role))
            .map((p) => p.person),
        );
        expect(committee.size).toBeGreaterThanOrEqual(3);
        if (m.recorder) expect(committee.has(m.recorder)).toBe(true);
      }
    }
  });

  it('keeps records complete and consistent outside DEMO_MEETING_GAPS', () => {
    for (const m of meetings) {
      if (!gapped(m, 'no_recorder')) expect(m.recorder, `${m.org} ${m.held_at}`).toBeDefined();
      if (m.tags.includes('branch_assembly') || m.tags.includes('committee_meeting')) {
        expect(m.decisions?.length).toBeGreaterThan(0);
        if (!gapped(m, 'no_first_topic')) expect(m.agenda[0].first_topic).toBe(true);
      } else expect(m.agenda.some((a) => a.first_topic)).toBe(false);
      if (m.tags.includes('theme_day') && !gapped(m, 'off_date')) expect(day(m)).toBe(fourthThursday(day(m)));
      const delay = daysBetween(day(m), m.recorded_at.slice(0, 10));
      if (gapped(m, 'late_entry')) expect(delay).toBeGreaterThanOrEqual(20);
      else expect(delay).toBeLessThanOrEqual(3);
      for (const [i, v] of (m.votes ?? []).entries()) {
        expect(m.tags).toContain('branch_assembly');
        const full = members(m.org, day(m)).filter((r) => r.status === 'full').length;
        expect(v.expected_voting).toBeLessThanOrEqual(full);
        expect(v.present_voting).toBeLessThanOrEqual(v.expected_voting);
        expect(v.present_voting * 2).toBeGreaterThan(v.expected_voting);
        if (gapped(m, 'vote_error') && i === 0) continue;
        expect(v.yes + v.no + v.abstain).toBeLessThanOrEqual(v.present_voting);
        expect(v.yes * 2).toBeGreaterThan(v.expected_voting);
      }
    }
  });

  it('has each deliberate gap in DEMO_MEETING_GAPS', () => {
    expect(gaps.length).toBe(Object.keys(DEMO_MEETING_GAPS).length);
    for (const g of gaps) {
      expect(g.period.end < asOf, g.key).toBe(true);
      expect(g.period.start >= activeFrom(g.org), g.key).toBe(true);
      const hits = of(g.org, g.tag, g.period.start, g.period.end);
      if (g.what === 'missing') {
        expect(hits, g.key).toEqual([]);
        // The org would otherwise have met: it has the same kind of meeting in the period before.
        const before = periodBack(g.period.start, g.unit, 1);
        expect(of(g.org, g.tag, before.start, before.end).length, g.key).toBeGreaterThan(0);
        continue;
      }
      expect(hits.length, g.key).toBeGreaterThan(0);
      const [first] = hits;
      if (g.what === 'off_date') {
        expect(day(first)).not.toBe(fourthThursday(day(first)));
        expect(monthOf(day(first))).toBe(g.period.key);
      }
      if (g.what === 'no_recorder') expect(first.recorder).toBeUndefined();
      if (g.what === 'no_first_topic') expect(first.agenda.some((a) => a.first_topic)).toBe(false);
      if (g.what === 'vote_error')
        expect(first.votes?.[0].yes).toBeGreaterThan(first.votes?.[0].present_voting ?? 0);
      if (g.what === 'late_entry') {
        const delay = daysBetween(day(first), first.recorded_at.slice(0, 10));
        expect(delay >= 20 && delay <= 40, `${g.key} ${delay}`).toBe(true);
      }
    }
  });

  it('holds the 三会一课, 主题党日 and 组织生活会 as often as LIFE-002…009 require', () => {
    const missing: string[] = [];
    const gap = (org: string, tag: DemoMeetingTag, key: string) =>
      gaps.some((g) => g.what === 'missing' && g.org === org && g.tag === tag && g.period.key === key);
    for (const o of doc.orgs) {
      if (!BRANCH.has(o.kind) && o.kind !== 'group') continue;
      const from = activeFrom(o.code);
      for (let back = 1; back < 30; back++) {
        const p = periodBack(asOf, 'month', back);
        if (p.start < from) break;
        const need: DemoMeetingTag[] = o.kind === 'group' ? ['group_meeting'] : ['theme_day'];
        const committee = (d: string) => seats(o.code, d).filter((s) => SEATS.has(s.role)).length >= 3;
        if (o.kind !== 'group' && committee(p.start) && committee(p.end)) need.push('committee_meeting');
        for (const tag of need)
          if (!gap(o.code, tag, p.key) && of(o.code, tag, p.start, p.end).length === 0)
            missing.push(`${o.code} ${p.key} ${tag}`);
      }
      if (o.kind === 'group') continue;
      for (let back = 1; back < 10; back++) {
        const q = periodBack(asOf, 'quarter', back);
        if (q.start < from) break;
        for (const tag of ['branch_assembly', 'party_lecture'] as const)
          if (!gap(o.code, tag, q.key) && of(o.code, tag, q.start, q.end).length === 0)
            missing.push(`${o.code} ${q.key} ${tag}`);
      }
      const year = String(Number(asOf.slice(0, 4)) - 1);
      if (`${year}-01-01` >= from) {
        const reviews = of(o.code, 'org_life_meeting', `${year}-01-01`, `${year}-12-31`);
        if (reviews.length !== 1 || !reviews[0].tags.includes('member_review'))
          missing.push(`${o.code} ${year} 组织生活会`);
        const lectures = of(o.code, 'party_lecture', `${year}-01-01`, `${year}-12-31`);
        const bySecretary = lectures.filter((m) =>
          seats(o.code, day(m)).some((s) => s.role === 'secretary' && s.person === m.lecturer),
        );
        if (
          lectures.some((m) => seats(o.code, day(m)).some((s) => s.role === 'secretary')) &&
          !bySecretary.length
        )
          missing.push(`${o.code} ${year} 书记党课`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('mixes combined records, absences, votes and 4th-Thursday theme days like a real branch', () => {
    const tagged = (t: DemoMeetingTag) => meetings.filter((m) => m.tags.includes(t));
    expect(tagged('theme_day').filter((m) => m.tags.includes('branch_assembly')).length).toBeGreaterThan(100);
    expect(
      tagged('org_life_meeting').filter((m) => m.tags.includes('branch_assembly')).length,
    ).toBeGreaterThan(50);
    const q4 = tagged('org_life_meeting').filter((m) => quarterOf(day(m)).endsWith('Q4'));
    expect(q4.length / tagged('org_life_meeting').length).toBeGreaterThan(0.8);
    expect(meetings.filter((m) => m.attendance.length > 0).length / meetings.length).toBeGreaterThan(0.4);
    expect(meetings.some((m) => m.attendance.some((a) => a.status === 'absent'))).toBe(true);
    expect(
      tagged('branch_assembly').filter((m) => m.votes?.some((v) => v.motion.includes('预备党员'))).length,
    ).toBeGreaterThan(20);
    expect(tagged('party_lecture').filter((m) => m.lecturer !== m.host).length).toBeGreaterThan(50);
  });
});

describe('city-scale meetings', () => {
  it('are off by default and on with meetings: true', () => {
    const asOf = '2026-05-20';
    expect(generateDemoDataset({ asOf, scale: 'city', branches: 100 }).meetings).toBeUndefined();
    const city = generateDemoDataset({ asOf, scale: 'city', branches: 100, meetings: true });
    const meetings = city.meetings ?? [];
    expect(meetings.length).toBeGreaterThan(100 * 40);
    const codes = new Set(city.orgs.map((o) => o.code));
    expect(meetings.every((m) => codes.has(m.org) && m.held_at.slice(0, 10) <= asOf)).toBe(true);
    // No deliberate gaps at city scale: every record is complete.
    expect(meetings.every((m) => m.recorder !== undefined)).toBe(true);
  });
});
