import { describe, expect, it } from 'vitest';
import { BRANCH_KINDS } from '../../shared/enums.ts';
import { generateDemoDataset } from './demo-dataset.ts';

const AS_OF = '2026-05-20';
const isBranch = (kind: string) => (BRANCH_KINDS as readonly string[]).includes(kind);

describe('generateDemoDataset (city scale)', () => {
  it('generates the city scale: 5,000 branches and ~150,000 people', { timeout: 120_000 }, () => {
    const city = generateDemoDataset({ asOf: AS_OF, scale: 'city', seed: 1 });
    expect(city.orgs.filter((o) => isBranch(o.kind)).length).toBe(5000);
    expect(city.orgs.filter((o) => o.kind === 'committee').length).toBe(51);
    expect(city.people.length).toBeGreaterThanOrEqual(142_500);
    expect(city.people.length).toBeLessThanOrEqual(157_500);
    const openRows = new Map<string, number>();
    for (const m of city.memberships)
      if (m.to === null) openRows.set(m.person, (openRows.get(m.person) ?? 0) + 1);
    expect(openRows.size).toBe(city.people.length);
    expect([...openRows.values()].every((n) => n === 1)).toBe(true);
    expect(new Set(city.people.map((p) => p.ref)).size).toBe(city.people.length);
    const ids = city.people.flatMap((p) => (p.id_number ? [p.id_number] : []));
    expect(new Set(ids).size).toBe(ids.length);
  });
  it('takes the number of branches as an option', () => {
    const small = generateDemoDataset({ asOf: AS_OF, scale: 'city', branches: 300 });
    expect(small.orgs.filter((o) => isBranch(o.kind)).length).toBe(300);
    expect(small.people.length).toBeGreaterThan(300 * 25);
    expect(small.people.length).toBeLessThan(300 * 35);
  });
});
