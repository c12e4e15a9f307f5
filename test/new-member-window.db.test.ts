import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkJson, evaluateCompliance } from '../src/services/compliance/evaluate.ts';
import { importDataset } from '../src/services/dataset/dataset-import.ts';
import { SYSTEM_ACTOR } from '../src/services/deps.ts';
import { smallUniversity } from './datasets.ts';
import { type TestContext, createTestContext } from './server.ts';

/**
 * EDU-005: the evaluation sends only the new members with no concentrated training in their window by the
 * evaluation date (edu-facts.sql.ts `Concern.untrainedBy`); the window there must be exactly the check's
 * (new-member-training.ts: from admission to 12 months after 转正, else 24 after admission, month ends clamped).
 * Each case sits on a boundary the SQL could get wrong by a day; loading everyone must find the same.
 */
describe('EDU-005: new members trained in their window are not loaded', () => {
  let ctx: TestContext;
  const AS_OF = '2026-11-24';
  // [ref, probationary from, full from, concentrated training on, reported?]
  const cases = [
    ['n1', '2025-03-31', '2026-03-31', '2025-03-31', false], // trained on the day of admission
    ['n2', '2025-03-31', null, '2025-03-30', true], // the day before admission: not in the window (open: info)
    ['n3', '2023-02-28', '2024-02-29', '2025-02-28', false], // on the due day, 2024-02-29 + 12 months clamped
    ['n4', '2023-02-28', '2024-02-29', '2025-03-01', true], // the day after it: closed window, violation
    ['n5', '2024-11-30', null, '2026-11-25', true], // after the evaluation date (before due): not yet counted
    ['n6', '2024-11-30', null, '2026-11-24', false], // on the evaluation date, before the due day 2026-11-30
  ] as const;

  beforeAll(async () => {
    ctx = await createTestContext();
    const doc = smallUniversity();
    const records: NonNullable<typeof doc.study_records> = [];
    for (const [ref, from, full, trained] of cases) {
      doc.people.push({ ref, name: `新党员${ref}`, gender: '女', birth_date: '2000-01-01' });
      doc.memberships.push({ person: ref, org: 'A', status: 'probationary', from, to: full });
      if (full) doc.memberships.push({ person: ref, org: 'A', status: 'full', from: full, to: null });
      records.push({
        person: ref,
        date: trained,
        hours: 8,
        kind: 'concentrated_training',
      });
    }
    const r = await importDataset(ctx.deps, SYSTEM_ACTOR, { ...doc, study_records: records });
    expect(r.errors).toEqual([]);
  }, 60_000);
  afterAll(() => ctx.close());

  const edu005 = (j: ReturnType<typeof checkJson>) =>
    j.findings.filter((f) => f.ruleId === 'EDU-005').map((f) => `${f.person} ${f.severity} ${f.period}`);

  it('reports exactly the members untrained in their window, as loading everyone does', async () => {
    const some = checkJson(await evaluateCompliance(ctx.deps, { asOf: AS_OF }));
    const all = checkJson(await evaluateCompliance(ctx.deps, { asOf: AS_OF, loadAll: true }));
    expect(edu005(some).sort()).toEqual(['n2 info 2027', 'n4 violation 2025-02-28', 'n5 info 2026']);
    expect(cases.filter((c) => c[4]).map((c) => c[0])).toEqual(['n2', 'n4', 'n5']);
    expect(some).toEqual(all);
    // the branch's own run (the refresh after a write: person-by-person lookups, generic plans) too
    const alone = checkJson(await evaluateCompliance(ctx.deps, { asOf: AS_OF, orgCode: 'A' }));
    expect(edu005(alone)).toEqual(edu005(some));
  });
});
