import { type Scope, canWritePath } from '../../domain/auth/scope.ts';
import type { ReviewQueueItem } from '../../shared/contracts/meeting-workflow.contract.ts';
import type { Deps } from '../deps.ts';
import { orgForRead } from '../scope-guard.ts';
import { isLateEntry, parentPath } from './meeting-read.service.ts';

/**
 * 待审核: submitted records held in an org's subtree that the caller may review (the caller can
 * write the record's parent org, or is an admin), oldest submission first.
 */
export async function reviewQueue(deps: Deps, scope: Scope, orgId: string): Promise<ReviewQueueItem[]> {
  const root = await orgForRead(deps.db, scope, orgId);
  const rows = await deps.db
    .selectFrom('meeting as m')
    .innerJoin('org as o', 'o.id', 'm.orgId')
    .select([
      'm.id',
      'm.orgId',
      'o.name as orgName',
      'o.path as orgPath',
      'o.parentId',
      'm.tags',
      'm.topic',
      'm.heldAt',
      'm.recordedAt',
      'm.submittedAt',
      'm.expected',
      'm.present',
      'm.version',
    ])
    .where('m.status', '=', 'submitted')
    .where('m.orgPath', 'like', `${root.path}%`)
    .orderBy('m.submittedAt')
    .orderBy('m.heldAt')
    .limit(500)
    .execute();
  return rows
    .filter((r) => scope.admin || (r.parentId !== null && canWritePath(scope, parentPath(r.orgPath))))
    .map((r) => ({
      id: r.id,
      orgId: r.orgId,
      orgName: r.orgName,
      tags: r.tags,
      topic: r.topic,
      heldAt: new Date(r.heldAt).toISOString(),
      lateEntry: isLateEntry(new Date(r.heldAt), new Date(r.recordedAt)),
      expected: r.expected,
      present: r.present,
      version: r.version,
      submittedAt: r.submittedAt ? new Date(r.submittedAt).toISOString() : null,
    }));
}
