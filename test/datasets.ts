import { idCheckChar } from '../src/domain/people/id-number.ts';
import type { DatasetDoc } from '../src/shared/contracts/dataset.contract.ts';

const people = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => ({
    ref: `${prefix}${i + 1}`,
    name: `党员${prefix}${i + 1}`,
    gender: '男' as const,
    birth_date: '1980-01-01',
  }));

/**
 * A small university: A has 9 full members and no committee (ORG-008), B is a teacher branch of 33
 * under the nwnu pack (ORG-006 warn, 30 cap), C's term ends three years after `cElection` (default 2022-05-15:
 * ORG-014 info in 2025-Q1, ORG-015 from 2025-05-16).
 */
export function smallUniversity(opts: { cElection?: string } = {}): DatasetDoc {
  const cElection = opts.cElection ?? '2022-05-15';
  const [a, b, c] = [people('a', 9), people('b', 33), people('c', 4)];
  const id17 = '62010219800101001';
  const member = (org: string) => (p: { ref: string }) => ({
    person: p.ref,
    org,
    status: 'full' as const,
    from: '2015-07-01',
    to: null,
  });
  const org = (code: string, name: string, extra: object = {}) => ({
    code,
    name,
    kind: 'branch' as const,
    parent: 'U',
    category: '教师' as const,
    ...extra,
  });
  return {
    format: 'zhibu-dataset/1',
    orgs: [
      { ...org('U', '中共某某大学委员会', { pack: 'national-baseline' }), kind: 'committee', parent: null },
      org('A', '文学院教工党支部'),
      org('B', '数学学院教工党支部', { pack: 'nwnu-2019-standardization' }),
      org('C', '后勤党支部', { category: '机关' }),
    ],
    // B's secretary b1 is a 教学科研骨干 ("双带头人", ORG-012 under the nwnu pack)
    people: [...a, ...b, ...c].map((p, i) =>
      i === 0
        ? { ...p, id_number: id17 + idCheckChar(id17) }
        : p.ref === 'b1'
          ? { ...p, flags: ['teaching_backbone'] }
          : p,
    ),
    memberships: [...a.map(member('A')), ...b.map(member('B')), ...c.map(member('C'))],
    positions: [
      { person: 'a1', org: 'A', role: 'secretary', duty: null, from: '2024-06-01', to: null },
      { person: 'b1', org: 'B', role: 'secretary', duty: null, from: '2024-06-01', to: null },
      {
        person: 'b2',
        org: 'B',
        role: 'committee_member',
        duty: 'organization',
        from: '2024-06-01',
        to: null,
      },
      { person: 'b3', org: 'B', role: 'committee_member', duty: 'propaganda', from: '2024-06-01', to: null },
      { person: 'b4', org: 'B', role: 'committee_member', duty: 'discipline', from: '2024-06-01', to: null },
      { person: 'c1', org: 'C', role: 'secretary', duty: null, from: cElection, to: null },
    ],
    elections: [
      { org: 'U', held_on: '2022-06-01', kind: 'regular', term_years: 5 },
      { org: 'A', held_on: '2024-06-01', kind: 'regular', term_years: 3 },
      { org: 'B', held_on: '2024-06-01', kind: 'regular', term_years: 3 },
      { org: 'C', held_on: cElection, kind: 'regular', term_years: 3 },
    ],
  };
}
