import type { Scope } from '../../domain/auth/scope.ts';
import { ruleRefusal } from '../../domain/errors.ts';
import { ELEMENT_LABEL, type Element, missingByTag } from '../../domain/meetings/record-elements.ts';
import { isBranchKind } from '../../domain/org/org-tree.ts';
import type { DatasetMeeting } from '../../shared/contracts/dataset.contract.ts';
import type { ImportIssue } from '../../shared/contracts/import.contract.ts';
import type { MeetingImportResponse } from '../../shared/contracts/meeting-import.contract.ts';
import { recordAudit } from '../audit.service.ts';
import { refreshAfterWrite } from '../compliance/refresh.ts';
import {
  meetingRecordOf,
  shanghaiInstant,
  validateMeetings,
  writeMeetings,
} from '../dataset/dataset-meetings.ts';
import type { Actor, Deps, Tx } from '../deps.ts';
import { orgForWrite } from '../scope-guard.ts';
import { parentPath } from './meeting-read.service.ts';
import { type NameResolver, columnOf, readMeetingRows, rowToDataset } from './meeting-import-rows.ts';
import { MEETING_FIELD_LABEL } from './meeting-import-xlsx.ts';

/** Resolves names among the party members (full / probationary) of a branch, per meeting date. */
async function memberResolver(db: Tx, branchPath: string): Promise<NameResolver> {
  const rows = await db
    .selectFrom('membership as m')
    .innerJoin('person as p', 'p.id', 'm.personId')
    .innerJoin('org as o', 'o.id', 'm.orgId')
    .select(['p.id', 'p.name', 'm.validFrom', 'm.validTo'])
    .where('o.path', '=', branchPath)
    .where('m.status', 'in', ['full', 'probationary'])
    .execute();
  return (name, date) => {
    const ids = new Set(
      rows
        .filter((r) => r.name === name && r.validFrom <= date && (!r.validTo || r.validTo > date))
        .map((r) => r.id),
    );
    if (ids.size === 1) return { id: [...ids][0] };
    if (ids.size > 1) return { error: `“${name}”在该支部有 ${ids.size} 名同名党员，无法确定是哪一位` };
    return { error: `“${name}”不是该支部 ${date} 的党员` };
  };
}

/**
 * Previews (dryRun) or imports a 会议记录 spreadsheet into a branch (or party group). Each row is
 * converted to the zhibu-dataset/1 meeting shape and goes through the dataset import's validation
 * and writer: malformed cells are refused per row and column; rule gaps are accepted and the record
 * is stored marked incomplete (LIFE-015). Any error → nothing is written.
 */
export async function importMeetingSheet(
  deps: Deps,
  scope: Scope,
  actor: Actor,
  orgId: string,
  file: Buffer,
  dryRun: boolean,
): Promise<MeetingImportResponse> {
  const target = await orgForWrite(deps.db, scope, orgId);
  if (!isBranchKind(target.kind) && target.kind !== 'group')
    throw ruleRefusal('not_a_branch', '会议记录须登记在党支部或党小组');
  const rows = await readMeetingRows(file);
  const now = deps.clock();
  const resolve = await memberResolver(
    deps.db,
    target.kind === 'group' ? parentPath(target.path) : target.path,
  );
  const converted = rows.map((r) => rowToDataset(r, target.code, resolve));
  const items: DatasetMeeting[] = [];
  const rowOfItem: number[] = [];
  converted.forEach((m, i) => {
    if (!m) return;
    if (shanghaiInstant(m.held_at) > now)
      rows[i].errors.push({ field: MEETING_FIELD_LABEL.heldAt, message: '会议时间晚于当前时间' });
    items.push(m);
    rowOfItem.push(i);
  });
  const issues: ImportIssue[] = [];
  const ids = new Set(
    items.flatMap((m) => [m.host, m.recorder, ...(m.attendance ?? []).map((a) => a.person)]),
  );
  const valid = validateMeetings(
    items,
    new Set([...ids].filter((x): x is string => !!x)),
    new Set([target.code]),
    issues,
  );
  for (const iss of issues)
    rows[rowOfItem[iss.index]].errors.push({
      field: columnOf(iss.field, items[iss.index]),
      message: iss.message,
    });
  await flagExisting(deps.db, target.id, items, (k) => rows[rowOfItem[k]]);
  const missingOf = new Map(
    items.map((m, k) => [rowOfItem[k], missingLabels(missingByTag(meetingRecordOf(m, (x) => x)))]),
  );
  const errorCount = rows.filter((r) => r.errors.length).length;
  const toWrite = valid.filter(({ i }) => rows[rowOfItem[i]].errors.length === 0);
  const canWrite = !dryRun && errorCount === 0 && toWrite.length > 0;
  if (canWrite) {
    await deps.db.transaction().execute(async (trx) => {
      await writeMeetings(
        trx,
        toWrite,
        () => target,
        (id) => id,
        now,
      );
      await recordAudit(trx, now, actor, {
        action: 'import_meetings',
        entity: 'meeting',
        orgPath: target.path,
        after: { rows: toWrite.length, orgCode: target.code },
      });
    });
    await refreshAfterWrite(deps, target.id);
  }
  const preview = rows.map((r, i) => ({
    row: r.row,
    heldAt: r.values.heldAt,
    tags: r.values.tags,
    topic: r.values.topic,
    missing: missingOf.get(i) ?? [],
    errors: r.errors,
  }));
  return {
    dryRun,
    written: canWrite,
    rows: preview,
    errorCount,
    created: canWrite ? toWrite.length : 0,
    incomplete: preview.filter((p) => !p.errors.length && p.missing.length).length,
  };
}

const missingLabels = (byTag: Record<string, Element[]>) => [
  ...new Set(Object.values(byTag).flatMap((els) => els.map((e) => ELEMENT_LABEL[e]))),
];

/** A row whose meeting (same org, time and types) is already recorded is an error: no duplicates. */
async function flagExisting(
  db: Tx,
  orgId: string,
  items: DatasetMeeting[],
  rowOf: (k: number) => { errors: { field: string; message: string }[] },
) {
  if (!items.length) return;
  const existing = await db
    .selectFrom('meeting')
    .select(['heldAt', 'tags'])
    .where('orgId', '=', orgId)
    .where(
      'heldAt',
      'in',
      items.map((m) => shanghaiInstant(m.held_at)),
    )
    .execute();
  const key = (at: Date | string, tags: readonly string[]) =>
    `${new Date(at).getTime()}|${[...tags].sort().join(',')}`;
  const have = new Set(existing.map((e) => key(e.heldAt, e.tags as string[])));
  items.forEach((m, k) => {
    if (have.has(key(shanghaiInstant(m.held_at), m.tags)))
      rowOf(k).errors.push({ field: MEETING_FIELD_LABEL.heldAt, message: '该时间的同类会议记录已存在' });
  });
}
