import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkJson, evaluateCompliance } from '../src/services/compliance/evaluate.ts';
import { importDataset } from '../src/services/dataset/dataset-import.ts';
import { SYSTEM_ACTOR } from '../src/services/deps.ts';
import { smallUniversity } from './datasets.ts';
import { type TestContext, createTestContext } from './server.ts';

/**
 * EDU-002 concerns the secretary and committee members of a branch — members of it or not (a committee seat held
 * by someone whose membership is in another org) — and a group leader's seat alone does not make a non-member one
 * of the branch's people (edu-people.sql.ts `everyone`). A member who also holds a seat is one person-year, not two.
 */
describe('EDU-002: the seat holders of a branch', () => {
  let ctx: TestContext;
  const AS_OF = '2026-11-24';

  beforeAll(async () => {
    ctx = await createTestContext();
    const doc = smallUniversity();
    const person = (ref: string) => ({
      ref,
      name: `委员${ref}`,
      gender: '男' as const,
      birth_date: '1990-01-01',
    });
    doc.people.push(person('x1'), person('x2'), person('x3'));
    doc.memberships.push(
      { person: 'x1', org: 'B', status: 'full', from: '2020-01-01', to: null },
      { person: 'x2', org: 'B', status: 'full', from: '2020-01-01', to: null },
      { person: 'x3', org: 'A', status: 'full', from: '2020-01-01', to: null },
    );
    doc.positions.push(
      // a committee seat in A held by a member of B
      { person: 'x1', org: 'A', role: 'committee_member', duty: 'other', from: '2024-06-01', to: null },
      // a group leader's seat in A held by a member of B: not one of A's people
      { person: 'x2', org: 'A', role: 'group_leader', duty: null, from: '2024-06-01', to: null },
      // a member of A with a committee seat there
      { person: 'x3', org: 'A', role: 'committee_member', duty: 'other', from: '2024-06-01', to: null },
    );
    const r = await importDataset(ctx.deps, SYSTEM_ACTOR, doc);
    expect(r.errors).toEqual([]);
  }, 60_000);
  afterAll(() => ctx.close());

  const at = (j: ReturnType<typeof checkJson>, person: string) =>
    j.findings
      .filter((f) => f.person === person && f.ruleId.startsWith('EDU-'))
      .map((f) => `${f.org} ${f.ruleId} ${f.period}`)
      .sort();

  it('finds the non-member committee member in A, not the group leader; a member with a seat once', async () => {
    const some = checkJson(await evaluateCompliance(ctx.deps, { asOf: AS_OF }));
    // no study at all: short of the leaders' 56 hours in the ended year 2025 and (due) in 2026, in A
    expect(at(some, 'x1').filter((f) => f.startsWith('A EDU-002'))).toEqual([
      'A EDU-002 2025',
      'A EDU-002 2026',
    ]);
    expect(at(some, 'x3').filter((f) => f.startsWith('A EDU-002'))).toEqual([
      'A EDU-002 2025',
      'A EDU-002 2026',
    ]);
    expect(at(some, 'x2').filter((f) => f.startsWith('A '))).toEqual([]);
    expect(at(some, 'x2').length).toBeGreaterThan(0); // as a member of B (EDU-001)
    // each finding once: the member-with-a-seat is one person-year
    const keys = some.findings.map((f) => JSON.stringify(f));
    expect(new Set(keys).size).toBe(keys.length);
    // loading everyone, and A's own run, find the same
    const all = checkJson(await evaluateCompliance(ctx.deps, { asOf: AS_OF, loadAll: true }));
    expect(all).toEqual(some);
    const alone = checkJson(await evaluateCompliance(ctx.deps, { asOf: AS_OF, orgCode: 'A' }));
    expect(at(alone, 'x1')).toEqual(at(some, 'x1').filter((f) => f.startsWith('A ')));
    expect(at(alone, 'x2')).toEqual([]);
  });
});
