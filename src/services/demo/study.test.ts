import { describe, expect, it } from 'vitest';
import { yearHours } from '../../domain/study/hours.ts';
import { DatasetStudyRecord } from '../../shared/contracts/study-dataset.contract.ts';
import { DEMO_PERSON_REFS } from './demo-accounts.ts';
import { generateDemoDataset } from './demo-dataset.ts';

const ASOF = '2026-11-24';

describe('demo study records', () => {
  const doc = generateDemoDataset({ asOf: ASOF });
  const records = doc.study_records as DatasetStudyRecord[];
  const byPerson = new Map<string, DatasetStudyRecord[]>();
  for (const r of records) byPerson.set(r.person, [...(byPerson.get(r.person) ?? []), r]);
  const counted = (person: string, year: number) =>
    yearHours(
      year,
      (byPerson.get(person) ?? []).map((r) => ({ date: r.date, hours: r.hours, kind: r.kind })),
      [],
      false,
    ).counted;

  it('is valid zhibu-dataset/1, deterministic, and covers two years up to asOf', () => {
    expect(records.length).toBeGreaterThan(1000);
    expect(records.filter((r) => !DatasetStudyRecord.safeParse(r).success)).toEqual([]);
    expect(records.every((r) => r.date <= ASOF)).toBe(true);
    // only the new members' trainings (EDU-005) predate the two demo years
    expect(records.filter((r) => r.date < '2025-01-01').every((r) => r.title === '新党员集中培训')).toBe(
      true,
    );
    expect(generateDemoDataset({ asOf: ASOF }).study_records).toEqual(records);
  });

  it('leaves a few members below 32 hours (EDU-001), the demo member among them in the previous year', () => {
    const people = [...byPerson.keys()].filter((p) =>
      byPerson.get(p)!.some((r) => r.date.startsWith('2025')),
    );
    const short = people.filter((p) => counted(p, 2025) < 32);
    expect(short.length).toBeGreaterThan(0);
    expect(short.length).toBeLessThan(people.length / 10);
    expect(short).toContain(DEMO_PERSON_REFS.member);
  });

  it('gives secretaries 56 hours with 24 concentrated hours (EDU-002/003)', () => {
    const secretary = DEMO_PERSON_REFS.secretary;
    expect(counted(secretary, 2025)).toBeGreaterThanOrEqual(56);
    const conc = (byPerson.get(secretary) ?? [])
      .filter((r) => r.date.startsWith('2025') && r.kind === 'concentrated_training')
      .reduce((s, r) => s + r.hours, 0);
    expect(conc).toBeGreaterThanOrEqual(24);
  });
});
