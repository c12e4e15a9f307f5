import { describe, expect, it } from 'vitest';
import { addMonths, addYears, wholeYears } from '../../domain/dates.ts';
import { placementError } from '../../domain/org/org-tree.ts';
import { idNumberMismatches, parseIdNumber } from '../../domain/people/id-number.ts';
import {
  Dataset,
  type DatasetDoc,
  DatasetElection,
  DatasetMembership,
  DatasetOrg,
  DatasetPerson,
  DatasetPosition,
} from '../../shared/contracts/dataset.contract.ts';
import { BRANCH_KINDS, type OrgKind } from '../../shared/enums.ts';
import { validateDataset } from '../dataset/dataset-validate.ts';
import {
  DEMO_ACCOUNTS,
  DEMO_IMPERFECTIONS,
  DEMO_ORG_CODES,
  DEMO_PERSON_REFS,
  generateDemoDataset,
} from './demo-dataset.ts';

const AS_OF = '2026-05-20';
const school = generateDemoDataset({ asOf: AS_OF });
/** The school demo is checked on several dates (start of term, leap day, mid-year) and seeds. */
const CASES: [string, number | undefined][] = [
  [AS_OF, undefined],
  ['2025-09-02', 7],
  ['2028-02-29', 42],
];

const isBranch = (kind: string) => (BRANCH_KINDS as readonly string[]).includes(kind);
const open = (d: DatasetDoc) => d.memberships.filter((m) => m.to === null);
/** Current full (+ probationary) members per org. */
function counts(d: DatasetDoc) {
  const full = new Map<string, number>();
  const size = new Map<string, number>();
  for (const m of open(d)) {
    if (m.status === 'full') full.set(m.org, (full.get(m.org) ?? 0) + 1);
    if (m.status === 'full' || m.status === 'probationary') size.set(m.org, (size.get(m.org) ?? 0) + 1);
  }
  return { full: (org: string) => full.get(org) ?? 0, size: (org: string) => size.get(org) ?? 0 };
}
function rowsByPerson(d: DatasetDoc) {
  const by = new Map<string, DatasetDoc['memberships']>();
  for (const m of d.memberships) {
    const list = by.get(m.person) ?? [];
    list.push(m);
    by.set(m.person, list);
  }
  for (const list of by.values()) list.sort((a, b) => (a.from < b.from ? -1 : 1));
  return by;
}
/** The first date a person held each status. */
function firstDates(rows: DatasetDoc['memberships']) {
  const first = new Map<string, string>();
  for (const r of rows) if (!first.has(r.status)) first.set(r.status, r.from);
  return first;
}
const openPositions = (d: DatasetDoc, org: string) =>
  d.positions.filter((p) => p.org === org && p.to == null);

describe('generateDemoDataset', () => {
  it('is deterministic for a seed and varies with the seed', () => {
    expect(generateDemoDataset({ asOf: AS_OF })).toEqual(school);
    const other = generateDemoDataset({ asOf: AS_OF, seed: 7 });
    expect(other.people.map((p) => p.name)).not.toEqual(school.people.map((p) => p.name));
    const fixed = (d: DatasetDoc) => d.orgs.filter((o) => o.kind !== 'group').map((o) => o.code);
    expect(fixed(other)).toEqual(fixed(school));
  });

  it('rejects an invalid asOf', () => {
    expect(() => generateDemoDataset({ asOf: '2026-02-30' })).toThrow(/asOf/);
  });

  it('anchors the demo accounts on fixed people and orgs', () => {
    expect(new Set(DEMO_ACCOUNTS.map((a) => a.username)).size).toBe(DEMO_ACCOUNTS.length);
    expect(new Set(DEMO_ACCOUNTS.map((a) => a.role))).toEqual(
      new Set(['admin', 'org_admin', 'branch_officer', 'member', 'auditor']),
    );
    const codes = new Set(school.orgs.map((o) => o.code));
    for (const a of DEMO_ACCOUNTS) {
      if (a.orgCode) expect(codes.has(a.orgCode)).toBe(true);
      expect(a.password).toContain(a.username);
    }
    const current = (ref: string) => rowsByPerson(school).get(ref)?.at(-1);
    const secretaryOf = (org: string) =>
      openPositions(school, org).find((p) => p.role === 'secretary')?.person;
    expect(secretaryOf(DEMO_ORG_CODES.branch)).toBe(DEMO_PERSON_REFS.secretary);
    expect(secretaryOf(DEMO_ORG_CODES.branch2)).toBe(DEMO_PERSON_REFS.secretary2);
    expect(current(DEMO_PERSON_REFS.member)).toMatchObject({ org: DEMO_ORG_CODES.branch, status: 'full' });
    expect(school.positions.some((p) => p.person === DEMO_PERSON_REFS.member)).toBe(false);
    const shuji = DEMO_ACCOUNTS.find((a) => a.username === 'shuji');
    expect(shuji).toMatchObject({ personRef: DEMO_PERSON_REFS.secretary, orgCode: DEMO_ORG_CODES.branch });
    // Same anchors with another seed and another date.
    const other = generateDemoDataset({ asOf: '2025-10-08', seed: 99 });
    expect(openPositions(other, DEMO_ORG_CODES.branch).find((p) => p.role === 'secretary')?.person).toBe(
      DEMO_PERSON_REFS.secretary,
    );
  });
});

describe.each(CASES)('school demo as of %s (seed %s)', (asOf, seed) => {
  const school = generateDemoDataset({ asOf, seed });

  it('produces elements that satisfy the zhibu-dataset/1 schemas', () => {
    expect(Dataset.safeParse(school).success).toBe(true);
    const bad: string[] = [];
    const check = (
      name: string,
      schema: { safeParse: (v: unknown) => { success: boolean } },
      items: unknown[],
    ) =>
      items.forEach((item, i) => {
        if (!schema.safeParse(item).success) bad.push(`${name}[${i}] ${JSON.stringify(item)}`);
      });
    check('orgs', DatasetOrg, school.orgs);
    check('people', DatasetPerson, school.people);
    check('memberships', DatasetMembership, school.memberships);
    check('positions', DatasetPosition, school.positions);
    check('elections', DatasetElection, school.elections);
    expect(bad.slice(0, 5)).toEqual([]);
    // The importer's own validation (references, overlaps, duplicate ID numbers, placement) finds nothing.
    const { errors, warnings } = validateDataset(school, { orgKinds: new Map(), personRefs: new Set() });
    expect(errors.slice(0, 5)).toEqual([]);
    expect(warnings).toEqual([]);
    expect(school.orgs.filter((o) => o.pack).map((o) => [o.code, o.pack])).toEqual([
      ['U', 'national-baseline'],
    ]);
  });

  it('has unique refs and codes, and every reference resolves to the right kind of org', () => {
    const refs = new Set(school.people.map((p) => p.ref));
    const orgs = new Map(school.orgs.map((o) => [o.code, o]));
    expect(refs.size).toBe(school.people.length);
    expect(orgs.size).toBe(school.orgs.length);
    expect(school.people[0].ref).toBe('p00001');
    for (const m of school.memberships) {
      expect(refs.has(m.person)).toBe(true);
      expect(isBranch(orgs.get(m.org)?.kind ?? '')).toBe(true);
    }
    for (const p of school.positions) expect(refs.has(p.person) && orgs.has(p.org)).toBe(true);
    for (const e of school.elections) expect(orgs.has(e.org)).toBe(true);
  });

  it('builds a tree: parents exist, no cycles, each kind sits under an allowed kind', () => {
    const orgs = new Map(school.orgs.map((o) => [o.code, o]));
    expect(school.orgs.filter((o) => !o.parent).map((o) => o.code)).toEqual(['U']);
    for (const o of school.orgs) {
      const parent = o.parent ? orgs.get(o.parent) : undefined;
      if (o.parent) expect(parent, o.code).toBeDefined();
      expect(placementError(o.kind as OrgKind, (parent?.kind ?? null) as OrgKind | null), o.code).toBeNull();
      let cur = o;
      for (let depth = 0; cur.parent; depth++) {
        expect(depth).toBeLessThan(10);
        cur = orgs.get(cur.parent) as typeof o;
      }
      if (parent?.established_on && o.established_on)
        expect(parent.established_on <= o.established_on).toBe(true);
    }
  });

  it('gives every person one consecutive history ending in exactly one open row', () => {
    const byPerson = rowsByPerson(school);
    expect(byPerson.size).toBe(school.people.length);
    for (const [ref, rows] of byPerson) {
      expect(rows.filter((r) => r.to === null).length, ref).toBe(1);
      rows.forEach((r, i) => {
        expect(r.from <= asOf).toBe(true);
        if (i + 1 < rows.length) {
          expect(r.to, ref).toBe(rows[i + 1].from);
          expect(r.from < (r.to as string), ref).toBe(true);
        } else expect(r.to).toBeNull();
      });
    }
  });

  it('spaces the development pipeline as the rules require', () => {
    let developed = 0;
    for (const rows of rowsByPerson(school).values()) {
      const first = firstDates(rows);
      const [apply, activist, candidate, prob, full] = [
        'applicant',
        'activist',
        'candidate',
        'probationary',
        'full',
      ].map((s) => first.get(s));
      if (apply && activist) expect(addMonths(apply, 6) <= activist).toBe(true);
      if (activist && candidate) expect(addYears(activist, 1) <= candidate).toBe(true);
      if (candidate && prob) expect(candidate < prob).toBe(true);
      if (prob && full) expect(addYears(prob, 1)).toBe(full);
      if (apply && full) developed++;
    }
    expect(developed).toBeGreaterThan(200);
  });

  it('has valid, unique ID numbers that match birth date and gender, ~3% missing', () => {
    let missing = 0;
    const ids = school.people.flatMap((p) => (p.id_number ? [p.id_number] : []));
    expect(new Set(ids).size).toBe(ids.length);
    for (const p of school.people) {
      expect(p.phone).toMatch(/^1[3-9]\d{9}$/);
      if (!p.id_number) {
        missing++;
        continue;
      }
      const parsed = parseIdNumber(p.id_number);
      if (!parsed.ok) throw new Error(`${p.ref}: ${parsed.reason}`);
      expect(idNumberMismatches(parsed.info, p.birth_date, p.gender)).toEqual([]);
    }
    expect(missing / school.people.length).toBeGreaterThan(0.01);
    expect(missing / school.people.length).toBeLessThan(0.06);
  });

  it('has ages that fit each kind of person', () => {
    for (const p of school.people) {
      const age = wholeYears(p.birth_date as string, asOf);
      const flags = p.flags ?? [];
      if (flags.includes('student')) expect(age, p.ref).toBeGreaterThanOrEqual(18);
      if (flags.includes('student')) expect(age, p.ref).toBeLessThanOrEqual(26);
      if (flags.includes('retired')) expect(age, p.ref).toBeGreaterThanOrEqual(60);
      expect(age).toBeLessThanOrEqual(90);
    }
  });

  it('has the size of a university: ~150 branches, ~4,000 people', () => {
    const branches = school.orgs.filter((o) => isBranch(o.kind));
    expect(branches.length).toBeGreaterThanOrEqual(140);
    expect(branches.length).toBeLessThanOrEqual(165);
    expect(school.people.length).toBeGreaterThanOrEqual(3600);
    expect(school.people.length).toBeLessThanOrEqual(4400);
    const kinds = new Set(school.orgs.map((o) => o.kind));
    for (const k of ['committee', 'general_branch', 'branch', 'joint_branch', 'temp_branch', 'group']) {
      expect(kinds.has(k as OrgKind), k).toBe(true);
    }
    for (const o of school.orgs.filter((x) => x.kind === 'joint_branch')) {
      expect(o.unit_count).toBeGreaterThanOrEqual(2);
      expect(o.unit_count).toBeLessThanOrEqual(4);
    }
    const statuses = new Set(open(school).map((m) => m.status));
    expect([...statuses].sort()).toEqual([
      'activist',
      'applicant',
      'candidate',
      'full',
      'left',
      'probationary',
    ]);
  });

  it('has each deliberate imperfection, and only those', () => {
    const { full, size } = counts(school);
    const special = new Set<string>(Object.values(DEMO_IMPERFECTIONS).map((v) => v.org));
    const latestRegular = (org: string) =>
      school.elections
        .filter((e) => e.org === org && e.kind === 'regular')
        .map((e) => e.held_on)
        .sort()
        .at(-1) ?? '';
    const threeYearsAgo = addYears(asOf, -3);

    expect(latestRegular(DEMO_IMPERFECTIONS.overdueElection.org) < threeYearsAgo).toBe(true);
    const nine = DEMO_IMPERFECTIONS.noCommittee.org;
    expect(full(nine)).toBe(9);
    expect(openPositions(school, nine).map((p) => p.role)).toEqual(['secretary']);
    expect(school.positions.filter((p) => p.org === nine && p.role !== 'secretary')).toEqual([]);
    expect(size(DEMO_IMPERFECTIONS.oversized.org)).toBe(52);
    const capped = school.orgs.find((o) => o.code === DEMO_IMPERFECTIONS.overCategoryCap.org);
    expect(['教师', '学生']).toContain(capped?.category);
    expect(size(DEMO_IMPERFECTIONS.overCategoryCap.org)).toBe(33);
    expect(full(DEMO_IMPERFECTIONS.tooFewFull.org)).toBe(2);
    const junior = DEMO_IMPERFECTIONS.juniorSecretary.org;
    const [sec] = openPositions(school, junior).filter((p) => p.role === 'secretary');
    const since = firstDates(rowsByPerson(school).get(sec.person) ?? []).get('full') as string;
    expect(addYears(since, 1) > asOf).toBe(true);

    for (const o of school.orgs.filter((x) => isBranch(x.kind) && !special.has(x.code))) {
      expect(latestRegular(o.code) >= threeYearsAgo, o.code).toBe(true);
      expect(size(o.code), o.code).toBeLessThanOrEqual(
        o.category === '教师' || o.category === '学生' ? 30 : 50,
      );
      expect(full(o.code), o.code).toBeGreaterThanOrEqual(3);
      const seats = openPositions(school, o.code);
      expect(seats.filter((p) => p.role === 'secretary').length, o.code).toBe(1);
      if (full(o.code) >= 7) {
        expect(seats.length, o.code).toBeGreaterThanOrEqual(4);
        const duties = seats.map((p) => p.duty);
        for (const d of ['organization', 'propaganda', 'discipline']) expect(duties, o.code).toContain(d);
      }
    }
  });

  it('never has two holders of one seat at once (a by-election closes the replaced seat, not an older row)', () => {
    // seed 11 once closed the previous term's secretary row instead of the replaced committee seat
    for (const [seed, asOf] of [
      [11, '2026-11-24'],
      [11, '2027-01-01'],
      [7, '2025-06-30'],
    ] as const) {
      const d = generateDemoDataset({ asOf, seed });
      const seats = new Map<string, { from: string; to?: string | null }[]>();
      for (const p of d.positions) {
        if (p.role !== 'secretary' && p.role !== 'deputy_secretary' && p.role !== 'group_leader') continue;
        const key = `${p.org} ${p.role}`;
        seats.set(key, [...(seats.get(key) ?? []), p]);
      }
      for (const [key, rows] of seats) {
        rows.sort((a, b) => (a.from < b.from ? -1 : 1));
        for (let i = 1; i < rows.length; i++)
          expect(rows[i - 1].to != null && rows[i - 1].to! <= rows[i].from, `${seed} ${asOf} ${key}`).toBe(
            true,
          );
      }
    }
  });

  it('fills positions with eligible members, elected on the position date', () => {
    const orgs = new Map(school.orgs.map((o) => [o.code, o]));
    const byPerson = rowsByPerson(school);
    const elections = new Set(school.elections.map((e) => `${e.org} ${e.held_on}`));
    for (const p of school.positions) {
      const org = orgs.get(p.org);
      if (!org) throw new Error(p.org);
      if (org.kind !== 'group') expect(elections.has(`${p.org} ${p.from}`), `${p.org} ${p.from}`).toBe(true);
      const rows = byPerson.get(p.person) ?? [];
      const fullSince = firstDates(rows).get('full');
      expect(fullSince && fullSince <= p.from, `${p.person} ${p.org}`).toBe(true);
      if (p.role === 'secretary' && p.org !== DEMO_IMPERFECTIONS.juniorSecretary.org) {
        expect(addYears(fullSince as string, 1) <= p.from, `${p.person} ${p.org}`).toBe(true);
      }
      if (p.to == null && org.kind !== 'committee' && org.kind !== 'general_branch') {
        const branch = org.kind === 'group' ? org.parent : org.code;
        const current = rows.at(-1);
        expect(current?.org, `${p.person} ${p.org}`).toBe(branch);
        expect(current?.status).toBe('full');
      }
    }
    for (const g of school.orgs.filter((o) => o.kind === 'group')) {
      expect(openPositions(school, g.code).map((p) => p.role)).toEqual(['group_leader']);
    }
    for (const e of school.elections) {
      expect(e.term_years).toBe(orgs.get(e.org)?.kind === 'committee' ? 5 : 3);
      expect(e.held_on <= asOf).toBe(true);
    }
  });
});
