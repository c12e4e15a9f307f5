import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../../test/server.ts';
import type { DatasetDoc } from '../../shared/contracts/dataset.contract.ts';
import { evaluateCompliance } from '../compliance/evaluate.ts';
import { exportDataset } from '../dataset/dataset-export.ts';
import { importDataset } from '../dataset/dataset-import.ts';
import { SYSTEM_ACTOR } from '../deps.ts';

/** LIFE-016: 重大事项 with the speaking order travel through zhibu-dataset/1 (person refs) and are checked. */
const doc = (speakers: string[]): DatasetDoc => ({
  format: 'zhibu-dataset/1',
  orgs: [{ code: 'B01', name: '机关第一党支部', kind: 'branch', parent: null, category: '机关' }],
  people: ['书记甲', '委员乙', '委员丙'].map((name, i) => ({ ref: `p${i + 1}`, name })),
  memberships: [1, 2, 3].map((i) => ({
    person: `p${i}`,
    org: 'B01',
    status: 'full' as const,
    from: '2015-01-01',
    to: null,
  })),
  positions: [
    { person: 'p1', org: 'B01', role: 'secretary', duty: null, from: '2024-06-01', to: null },
    {
      person: 'p2',
      org: 'B01',
      role: 'committee_member',
      duty: 'organization',
      from: '2024-06-01',
      to: null,
    },
    { person: 'p3', org: 'B01', role: 'committee_member', duty: 'discipline', from: '2024-06-01', to: null },
  ],
  elections: [{ org: 'B01', held_on: '2024-06-01', kind: 'regular', term_years: 3 }],
  meetings: [
    {
      org: 'B01',
      tags: ['committee_meeting'],
      held_at: '2026-05-06T09:30',
      agenda: [
        { title: '第一议题：学习', first_topic: true },
        { title: '研究年度党员发展计划', major: true, speakers },
      ],
      attendance: [{ person: 'p3', status: 'leave', reason: '出差' }],
    },
  ],
});

describe('LIFE-016 speaking order in records (dataset round trip and check)', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext();
  });
  afterAll(() => ctx.close());

  it('refuses a speaker ref that does not exist, naming the field', async () => {
    const bad = await importDataset(ctx.deps, SYSTEM_ACTOR, doc(['p2', 'p9']));
    expect(bad.errors).toContainEqual(
      expect.objectContaining({ array: 'meetings', index: 0, field: 'agenda.1.speakers.1' }),
    );
  });

  it('keeps speakers as refs on export and checks the order', async () => {
    expect((await importDataset(ctx.deps, SYSTEM_ACTOR, doc(['p1', 'p2']))).errors).toEqual([]);
    const out = await exportDataset(ctx.deps, SYSTEM_ACTOR, 'B01');
    expect(out.meetings?.[0].agenda?.[1]).toEqual({
      title: '研究年度党员发展计划',
      major: true,
      speakers: ['p1', 'p2'],
    });
    const findings = (
      await evaluateCompliance(ctx.deps, { asOf: '2026-11-24', orgCode: 'B01', packId: 'zibo-2017-guoying' })
    ).findings.filter((f) => f.ruleId === 'LIFE-016');
    // 委员丙 was on leave: only the secretary's place is wrong
    expect(findings.map((f) => [f.severity, f.message])).toEqual([
      ['violation', '2026-05-06支委会研究“研究年度党员发展计划”时支部书记未末位发言'],
    ]);
  });
});
