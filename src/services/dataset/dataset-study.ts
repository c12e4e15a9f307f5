import { bulkInsert } from '../../db/bulk.ts';
import type { DatasetMembership } from '../../shared/contracts/dataset.contract.ts';
import type { ImportIssue } from '../../shared/contracts/import.contract.ts';
import { DatasetStudyRecord } from '../../shared/contracts/study-dataset.contract.ts';
import type { Tx } from '../deps.ts';
import { uuidv7 } from '../infra/ids.ts';
import { recordIssues } from './record-issues.ts';

export type ValidStudyRecord = { i: number; v: DatasetStudyRecord; org: string };

/**
 * The org a study record belongs to: the person's membership on that day, else the nearest one in
 * time (a record dated just before admission or after a transfer still belongs somewhere).
 */
export function orgOnDay(
  rows: { org: string; from: string; to: string | null }[],
  day: string,
): string | null {
  const on = rows.find((m) => m.from <= day && (m.to === null || m.to > day));
  if (on) return on.org;
  const dist = (m: { from: string; to: string | null }) =>
    m.from > day ? Date.parse(m.from) - Date.parse(day) : Date.parse(day) - Date.parse(m.to ?? day);
  return [...rows].sort((a, b) => dist(a) - dist(b))[0]?.org ?? null;
}

/** Validates `study_records`: shape, hours, kind, known person with a membership to place the record. */
export function validateStudyRecords(
  items: unknown[],
  okRefs: Set<string>,
  memberships: { v: DatasetMembership }[],
  errors: ImportIssue[],
): ValidStudyRecord[] {
  const byPerson = new Map<string, { org: string; from: string; to: string | null }[]>();
  for (const { v } of memberships)
    byPerson.set(v.person, [...(byPerson.get(v.person) ?? []), { org: v.org, from: v.from, to: v.to }]);
  const out: ValidStudyRecord[] = [];
  items.forEach((item, i) => {
    const r = DatasetStudyRecord.safeParse(item);
    if (!r.success) {
      errors.push(...recordIssues('study_records', i, r.error));
      return;
    }
    const v = r.data;
    if (!okRefs.has(v.person)) {
      errors.push({
        array: 'study_records',
        index: i,
        field: 'person',
        message: `人员 ref ${v.person} 不存在`,
      });
      return;
    }
    const org = orgOnDay(byPerson.get(v.person) ?? [], v.date);
    if (!org) {
      errors.push({
        array: 'study_records',
        index: i,
        field: 'person',
        message: `人员 ${v.person} 没有组织关系，无法确定学习记录所属组织`,
      });
      return;
    }
    out.push({ i, v, org });
  });
  return out;
}

/** Writes study records in bulk (inside the import transaction). */
export async function writeStudyRecords(
  trx: Tx,
  records: ValidStudyRecord[],
  org: (code: string) => { id: string; path: string },
  personId: (ref: string) => string,
  now: Date,
  by: string,
): Promise<void> {
  await bulkInsert(
    trx,
    'study_record',
    {
      id: 'uuid',
      personId: 'uuid',
      orgId: 'uuid',
      orgPath: 'text',
      studiedOn: 'date',
      hours: 'numeric',
      kind: 'text',
      title: 'text',
      provider: 'text',
      source: 'text',
      recordedAt: 'timestamptz',
      recordedBy: 'text',
    },
    records.map(({ v, org: code }) => ({
      id: uuidv7(),
      personId: personId(v.person),
      orgId: org(code).id,
      orgPath: org(code).path,
      studiedOn: v.date,
      hours: v.hours,
      kind: v.kind,
      title: v.title ?? null,
      provider: v.provider ?? null,
      source: 'import',
      recordedAt: now,
      recordedBy: by,
    })),
  );
}

/** Study records of a subtree in zhibu-dataset/1 form, in a deterministic order (round-trips). */
export async function exportStudyRecords(db: Tx, rootPath: string, refOf: Map<string, string>) {
  const rows = await db
    .selectFrom('studyRecord')
    .select(['personId', 'studiedOn', 'hours', 'kind', 'title', 'provider'])
    .where('orgPath', 'like', `${rootPath}%`)
    .execute();
  const out = rows.map((r) => {
    const rec: DatasetStudyRecord = {
      person: refOf.get(r.personId) ?? r.personId,
      date: r.studiedOn,
      hours: Number(r.hours),
      kind: r.kind as DatasetStudyRecord['kind'],
    };
    if (r.title) rec.title = r.title;
    if (r.provider) rec.provider = r.provider;
    return rec;
  });
  const key = (r: DatasetStudyRecord) =>
    `${r.person}\u0000${r.date}\u0000${r.kind}\u0000${r.hours}\u0000${r.title ?? ''}`;
  return out.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
