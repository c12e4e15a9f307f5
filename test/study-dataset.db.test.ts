import { describe, expect, it } from 'vitest';
import { exportDataset } from '../src/services/dataset/dataset-export.ts';
import { importDataset } from '../src/services/dataset/dataset-import.ts';
import { SYSTEM_ACTOR } from '../src/services/deps.ts';
import type { DatasetDoc } from '../src/shared/contracts/dataset.contract.ts';
import { smallUniversity } from './datasets.ts';
import { createTestContext } from './server.ts';

const withStudy = (records: Record<string, unknown>[]): DatasetDoc => ({
  ...smallUniversity(),
  study_records: records,
});

describe('zhibu-dataset/1 study_records', () => {
  it('imports study records at the org of the day and exports them back equal (round trip)', async () => {
    const a = await createTestContext();
    const b = await createTestContext();
    try {
      const doc = withStudy([
        { person: 'a1', date: '2025-04-10', hours: 4, kind: 'concentrated_training' },
        { person: 'a1', date: '2025-05-10', hours: 2.5, kind: 'collective_study', title: '党章学习' },
        { person: 'b2', date: '2026-01-01', hours: 1, kind: 'online', provider: '学习强国' },
      ]);
      const r = await importDataset(a.deps, SYSTEM_ACTOR, doc);
      expect(r.errors).toEqual([]);
      expect(r.counts.study_records).toBe(3);
      expect(r.warnings.filter((w) => w.array === 'study_records')).toEqual([]);
      const rows = await a.deps.db
        .selectFrom('studyRecord as s')
        .innerJoin('org as o', 'o.id', 's.orgId')
        .select(['o.code', 's.hours', 's.source'])
        .orderBy('s.studiedOn')
        .execute();
      expect(rows.map((x) => [x.code, Number(x.hours), x.source])).toEqual([
        ['A', 4, 'import'],
        ['A', 2.5, 'import'],
        ['B', 1, 'import'],
      ]);
      const first = await exportDataset(a.deps, SYSTEM_ACTOR);
      expect(first.study_records).toEqual([
        { person: 'a1', date: '2025-04-10', hours: 4, kind: 'concentrated_training' },
        { person: 'a1', date: '2025-05-10', hours: 2.5, kind: 'collective_study', title: '党章学习' },
        { person: 'b2', date: '2026-01-01', hours: 1, kind: 'online', provider: '学习强国' },
      ]);
      expect((await importDataset(b.deps, SYSTEM_ACTOR, JSON.parse(JSON.stringify(first)))).errors).toEqual(
        [],
      );
      expect(await exportDataset(b.deps, SYSTEM_ACTOR)).toEqual(first);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('names study_records[i].field for every malformed record and writes nothing', async () => {
    const ctx = await createTestContext();
    try {
      const r = await importDataset(
        ctx.deps,
        SYSTEM_ACTOR,
        withStudy([
          { person: 'a1', date: '2025-04-10', hours: 4, kind: 'concentrated_training' },
          { person: 'a1', date: '2025-02-30', hours: 4, kind: 'collective_study' },
          { person: 'a1', date: '2025-04-10', hours: 0, kind: 'collective_study' },
          { person: 'a1', date: '2025-04-10', hours: 1.25, kind: 'collective_study' },
          { person: 'a1', date: '2025-04-10', hours: 2, kind: 'reading' },
          { person: 'zz', date: '2025-04-10', hours: 2, kind: 'self_study' },
          { person: 'a1', date: '2025-04-10', hours: 2, kind: 'self_study', minutes: 120 },
        ]),
      );
      expect(r.written).toBe(false);
      expect(r.errors.map((e) => `${e.array}[${e.index}].${e.field}`)).toEqual([
        'study_records[1].date',
        'study_records[2].hours',
        'study_records[3].hours',
        'study_records[4].kind',
        'study_records[5].person',
        'study_records[6].minutes',
      ]);
      expect(r.errors.find((e) => e.index === 5)?.message).toContain('zz');
      expect(await ctx.deps.db.selectFrom('studyRecord').select('id').execute()).toEqual([]);
    } finally {
      await ctx.close();
    }
  });
});
