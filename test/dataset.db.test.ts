import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { idCheckChar } from '../src/domain/people/id-number.ts';
import { verifyAuditChain } from '../src/services/audit.service.ts';
import { exportDataset } from '../src/services/dataset/dataset-export.ts';
import { importDataset } from '../src/services/dataset/dataset-import.ts';
import { SYSTEM_ACTOR } from '../src/services/deps.ts';
import type { DatasetDoc } from '../src/shared/contracts/dataset.contract.ts';
import { createTestContext } from './server.ts';

const id = (first17: string) => first17 + idCheckChar(first17);

const SMALL_DATASET: DatasetDoc = {
  format: 'zhibu-dataset/1',
  orgs: [
    {
      code: 'C01',
      name: '中共某某大学委员会',
      kind: 'committee',
      parent: null,
      category: '教师',
      established_on: '2010-01-01',
      pack: 'national-baseline',
    },
    { code: 'G01', name: '文学院党总支', kind: 'general_branch', parent: 'C01', category: '教师' },
    { code: 'B01', name: '文学院教工党支部', kind: 'branch', parent: 'G01', category: '教师' },
    { code: 'B02', name: '文学院学生党支部', kind: 'branch', parent: 'G01', category: '学生' },
    {
      code: 'J01',
      name: '后勤联合党支部',
      kind: 'joint_branch',
      parent: 'C01',
      category: '机关',
      unit_count: 3,
    },
  ],
  people: [
    {
      ref: 'p1',
      name: '张三',
      gender: '男',
      birth_date: '1985-03-02',
      id_number: id('62010219850302001'),
      phone: '13800000000',
      education: '研究生',
      flags: ['teaching_backbone'],
    },
    { ref: 'p2', name: '李四', gender: '女', birth_date: '1990-07-15' },
    { ref: 'p3', name: '王五', gender: '男', birth_date: '2003-09-01' },
  ],
  memberships: [
    { person: 'p1', org: 'B01', status: 'full', from: '2012-07-01', to: null },
    { person: 'p2', org: 'B02', status: 'probationary', from: '2019-06-01', to: '2020-06-01' },
    { person: 'p2', org: 'B02', status: 'full', from: '2020-06-01', to: '2024-03-01' },
    { person: 'p2', org: 'B01', status: 'full', from: '2024-03-01', to: null },
    { person: 'p3', org: 'B02', status: 'applicant', from: '2024-10-01', to: null },
  ],
  positions: [{ person: 'p1', org: 'B01', role: 'secretary', duty: null, from: '2023-06-01', to: null }],
  elections: [{ org: 'B01', held_on: '2023-06-01', kind: 'regular', term_years: 3 }],
  meetings: [
    {
      org: 'B01',
      tags: ['branch_assembly', 'party_lecture'],
      held_at: '2025-03-27T14:30',
      ended_at: '2025-03-27T16:30',
      place: '党员活动室',
      host: 'p1',
      recorder: 'p2',
      lecturer: 'p1',
      topic: '学习贯彻党的二十届三中全会精神',
      agenda: [{ title: '第一议题：学习习近平总书记重要讲话精神', first_topic: true }],
      expected: 2,
      attendance: [{ person: 'p2', status: 'leave', reason: '出差' }],
      minutes: '……',
      decisions: ['通过年度学习计划'],
      votes: [{ motion: '年度学习计划', expected_voting: 2, present_voting: 1, yes: 1, no: 0, abstain: 0 }],
      recorded_at: '2025-03-28T09:00',
    },
    { org: 'B02', tags: ['theme_day'], held_at: '2025-03-27T15:00', topic: '志愿服务' },
  ],
};

describe('zhibu import / export (zhibu-dataset/1)', () => {
  it('writes nothing when any record is malformed, and names every error by array, index and field', async () => {
    const ctx = await createTestContext();
    try {
      const bad = structuredClone(SMALL_DATASET);
      bad.orgs[2] = { ...bad.orgs[2], kind: 'branchh' as DatasetDoc['orgs'][number]['kind'] };
      bad.people[1] = { ...bad.people[1], birth_date: '1990-02-30' };
      bad.people.push({ ref: 'p1', name: '重复', gender: '男', birth_date: '1980-01-01' });
      bad.memberships.push({ person: 'p9', org: 'B02', status: 'full', from: '2020-01-01', to: null });
      bad.meetings = [
        { org: 'B01', tags: ['dangke' as 'party_lecture'], held_at: '2025-03-27T25:00', host: 'p42' },
      ];
      bad.people[0] = { ...bad.people[0], id_number: '620102198503020010' };
      const report = await importDataset(ctx.deps, SYSTEM_ACTOR, bad);
      expect(report.written).toBe(false);
      const where = report.errors.map((e) => `${e.array}[${e.index}].${e.field}`);
      expect(where).toEqual(
        expect.arrayContaining([
          'orgs[2].kind',
          'people[1].birth_date',
          'people[3].ref',
          'people[0].id_number',
          'memberships[5].person',
        ]),
      );
      expect(
        (await sql<{ n: number }>`select count(*)::int as n from org`.execute(ctx.deps.db)).rows[0].n,
      ).toBe(0);
      expect(
        (await sql<{ n: number }>`select count(*)::int as n from person`.execute(ctx.deps.db)).rows[0].n,
      ).toBe(0);
    } finally {
      await ctx.close();
    }
  });

  it('refuses unknown top-level keys and a wrong format', async () => {
    const ctx = await createTestContext();
    try {
      const r1 = await importDataset(ctx.deps, SYSTEM_ACTOR, { ...SMALL_DATASET, member: [] });
      expect(r1.errors[0].message).toContain('member');
      const r2 = await importDataset(ctx.deps, SYSTEM_ACTOR, { ...SMALL_DATASET, format: 'zhibu-dataset/2' });
      expect(r2.errors[0]).toMatchObject({ field: 'format' });
    } finally {
      await ctx.close();
    }
  });

  it('refuses overlapping memberships for one person (ORG-001) but accepts rule breaks', async () => {
    const ctx = await createTestContext();
    try {
      const d = structuredClone(SMALL_DATASET);
      d.memberships.push({ person: 'p1', org: 'B02', status: 'full', from: '2020-01-01', to: null });
      const r = await importDataset(ctx.deps, SYSTEM_ACTOR, d);
      expect(r.errors.map((e) => `${e.array}[${e.index}].${e.field}`)).toContain('memberships[5].from');
      const partial = await importDataset(ctx.deps, SYSTEM_ACTOR, d, { partial: true });
      expect(partial.written).toBe(true);
      expect(partial.counts.memberships).toBe(5);
    } finally {
      await ctx.close();
    }
  });

  it('dry-run validates only', async () => {
    const ctx = await createTestContext();
    try {
      const r = await importDataset(ctx.deps, SYSTEM_ACTOR, SMALL_DATASET, { dryRun: true });
      expect(r).toMatchObject({ written: false, errors: [] });
      expect(
        (await sql<{ n: number }>`select count(*)::int as n from org`.execute(ctx.deps.db)).rows[0].n,
      ).toBe(0);
    } finally {
      await ctx.close();
    }
  });

  it('export → import into a fresh database → export round-trips equal', async () => {
    const a = await createTestContext();
    const b = await createTestContext();
    try {
      const r = await importDataset(a.deps, SYSTEM_ACTOR, SMALL_DATASET);
      expect(r.errors).toEqual([]);
      const first = await exportDataset(a.deps, SYSTEM_ACTOR);
      expect(first.people.find((p) => p.ref === 'p1')?.id_number).toBe(SMALL_DATASET.people[0].id_number);
      const r2 = await importDataset(b.deps, SYSTEM_ACTOR, JSON.parse(JSON.stringify(first)));
      expect(r2.errors).toEqual([]);
      const second = await exportDataset(b.deps, SYSTEM_ACTOR);
      expect(second).toEqual(first);
      expect(first.memberships).toHaveLength(5);
      expect(first.meetings).toHaveLength(2);
      expect(first.meetings?.[0]).toMatchObject({
        org: 'B01',
        held_at: '2025-03-27T14:30',
        host: 'p1',
        recorded_at: '2025-03-28T09:00',
      });
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('stores no plaintext ID number, and the audit chain catches an altered row', async () => {
    const ctx = await createTestContext();
    try {
      await importDataset(ctx.deps, SYSTEM_ACTOR, SMALL_DATASET);
      const plain = SMALL_DATASET.people[0].id_number!;
      const { rows } = await sql<{
        hit: number;
      }>`select count(*)::int as hit from person where id_number_enc like ${`%${plain}%`} or id_number_hash = ${plain}`.execute(
        ctx.deps.db,
      );
      expect(rows[0].hit).toBe(0);
      const audits = await sql<{
        hit: number;
      }>`select count(*)::int as hit from audit_log where after::text like ${`%${plain}%`}`.execute(
        ctx.deps.db,
      );
      expect(audits.rows[0].hit).toBe(0);
      expect(await verifyAuditChain(ctx.deps)).toMatchObject({ ok: true });
      await exportDataset(ctx.deps, SYSTEM_ACTOR);
      const chain = await verifyAuditChain(ctx.deps);
      expect(chain).toMatchObject({ ok: true, rows: 2 });
      await sql`update audit_log set actor_name = '篡改者' where seq = (select min(seq) from audit_log)`.execute(
        ctx.deps.db,
      );
      const broken = await verifyAuditChain(ctx.deps);
      expect(broken.ok).toBe(false);
      if (!broken.ok) expect(broken.reason).toContain('修改');
    } finally {
      await ctx.close();
    }
  });
});
