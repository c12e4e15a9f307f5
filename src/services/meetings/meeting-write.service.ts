import { type Scope, canWritePath } from '../../domain/auth/scope.ts';
import { AppError, forbidden, ruleRefusal } from '../../domain/errors.ts';
import {
  ELEMENT_LABEL,
  type Element,
  type MeetingRecord,
  completeTags,
  missingByTag,
} from '../../domain/meetings/record-elements.ts';
import { isBranchKind } from '../../domain/org/org-tree.ts';
import { shanghaiDate } from '../../domain/dates.ts';
import type { MeetingBody } from '../../shared/contracts/meetings.contract.ts';
import { MeetingBody as MeetingBodySchema } from '../../shared/contracts/meetings.contract.ts';
import { recordAudit } from '../audit.service.ts';
import { refreshAfterWrite } from '../compliance/refresh.ts';
import type { Actor, Deps, Tx } from '../deps.ts';
import { uuidv7 } from '../infra/ids.ts';
import { checkVersion, orgForWrite } from '../scope-guard.ts';
import { getMeeting, meetingForRead, parentPath } from './meeting-read.service.ts';

type Body = ReturnType<typeof MeetingBodySchema.parse>;

/** Row columns of a record (present computed from attendance; missing elements per tag, LIFE-015). */
function columns(b: Body) {
  const presentRows = b.attendance.filter((a) => a.status === 'present').length;
  const away = b.attendance.filter((a) => a.status !== 'present');
  const present =
    presentRows > 0 ? presentRows : b.expected === null ? null : Math.max(0, b.expected - away.length);
  const record: MeetingRecord = {
    ...b,
    heldAt: b.heldAt,
    endedAt: b.endedAt,
    present,
    absentees: away.map((a) => ({ status: a.status, reason: a.reason })),
  };
  const missing = missingByTag(record);
  const heldAt = new Date(b.heldAt);
  return {
    tags: JSON.stringify(b.tags),
    topic: b.topic,
    heldAt,
    heldOn: shanghaiDate(heldAt),
    endedAt: b.endedAt ? new Date(b.endedAt) : null,
    place: b.place,
    hostId: b.hostId,
    recorderId: b.recorderId,
    lecturerId: b.lecturerId,
    expected: b.expected,
    present,
    agenda: JSON.stringify(b.agenda),
    minutes: b.minutes,
    decisions: JSON.stringify(b.decisions),
    votes: JSON.stringify(b.votes),
    missing: JSON.stringify(missing),
    completeTags: completeTags(missing),
    incomplete: Object.values(missing).some((els) => els.length > 0),
  };
}

async function writeAttendance(trx: Tx, meetingId: string, b: Body) {
  await trx.deleteFrom('meetingAttendance').where('meetingId', '=', meetingId).execute();
  if (b.attendance.length) {
    await trx
      .insertInto('meetingAttendance')
      .values(
        b.attendance.map((a) => ({ meetingId, personId: a.personId, status: a.status, reason: a.reason })),
      )
      .execute();
  }
}

/** Records a meeting held by a branch or 党小组 (entered now: late entries are marked, never hidden). */
export async function createMeeting(
  deps: Deps,
  scope: Scope,
  actor: Actor,
  orgId: string,
  input: MeetingBody,
) {
  const b = MeetingBodySchema.parse(input);
  const id = uuidv7();
  await deps.db.transaction().execute(async (trx) => {
    const org = await orgForWrite(trx, scope, orgId);
    if (!isBranchKind(org.kind) && org.kind !== 'group')
      throw ruleRefusal('not_a_branch', '会议记录须登记在党支部或党小组');
    if (new Date(b.heldAt) > deps.clock())
      throw ruleRefusal('meeting_in_future', '会议时间晚于当前时间：请在会后记录', [
        { path: 'heldAt', message: '晚于当前时间' },
      ]);
    await trx
      .insertInto('meeting')
      .values({
        id,
        orgId,
        orgPath: org.path,
        ...columns(b),
        status: 'held',
        source: 'web',
        recordedAt: deps.clock(),
      })
      .execute();
    await writeAttendance(trx, id, b);
    await recordAudit(trx, deps.clock(), actor, {
      action: 'create',
      entity: 'meeting',
      entityId: id,
      orgPath: org.path,
      after: b,
    });
  });
  await refreshAfterWrite(deps, orgId);
  return getMeeting(deps, scope, id);
}

async function forEdit(trx: Tx, scope: Scope, id: string, version: number) {
  const { m, org } = await meetingForRead(trx, scope, id);
  if (!canWritePath(scope, org.path)) throw forbidden('该会议记录不在您的管理范围内，或您只有只读权限');
  checkVersion(m.version, version);
  return { m, org };
}

const current = (
  m: {
    tags: string[];
    topic: string | null;
    heldAt: Date | string;
    endedAt: Date | string | null;
    place: string | null;
    hostId: string | null;
    recorderId: string | null;
    lecturerId: string | null;
    expected: number | null;
    agenda: Body['agenda'];
    minutes: string | null;
    decisions: string[];
    votes: Body['votes'];
  },
  attendance: Body['attendance'],
) => ({
  tags: m.tags,
  topic: m.topic,
  heldAt: new Date(m.heldAt).toISOString(),
  endedAt: m.endedAt ? new Date(m.endedAt).toISOString() : null,
  place: m.place,
  hostId: m.hostId,
  recorderId: m.recorderId,
  lecturerId: m.lecturerId,
  expected: m.expected,
  attendance,
  agenda: m.agenda,
  minutes: m.minutes,
  decisions: m.decisions,
  votes: m.votes,
});

/**
 * Merges changes into a record's current content, validates the result and rewrites the row and its
 * attendance; returns the content before the change (kept by revisions).
 */
async function applyChanges(
  trx: Tx,
  m: Parameters<typeof current>[0] & { id: string },
  changes: Partial<MeetingBody>,
) {
  const att = await trx
    .selectFrom('meetingAttendance')
    .select(['personId', 'status', 'reason'])
    .where('meetingId', '=', m.id)
    .execute();
  const before = current(m, att as Body['attendance']);
  const b = MeetingBodySchema.parse({ ...before, ...changes });
  await trx
    .updateTable('meeting')
    .set((eb) => ({ ...columns(b), version: eb('version', '+', 1) }))
    .where('id', '=', m.id)
    .execute();
  await writeAttendance(trx, m.id, b);
  return before;
}

/** Edits a record that is not submitted or locked (optimistic concurrency). */
export async function updateMeeting(
  deps: Deps,
  scope: Scope,
  actor: Actor,
  id: string,
  input: Partial<MeetingBody> & { version: number },
) {
  await deps.db.transaction().execute(async (trx) => {
    const { m, org } = await forEdit(trx, scope, id, input.version);
    if (m.status === 'submitted' || m.status === 'reviewed') {
      throw new AppError(
        'rule',
        'meeting_locked',
        m.status === 'reviewed'
          ? '记录已审核锁定，只能通过“修订”并说明理由来更正'
          : '记录已提交审核，审核退回后才能修改',
      );
    }
    const { version: _v, ...changes } = input;
    await applyChanges(trx, m, changes);
    await recordAudit(trx, deps.clock(), actor, {
      action: 'update',
      entity: 'meeting',
      entityId: id,
      orgPath: org.path,
      after: changes,
    });
  });
  const out = await getMeeting(deps, scope, id);
  await refreshAfterWrite(deps, out.orgId);
  return out;
}

/** Submits a record for review; refused while required elements are missing (LIFE-015), naming them. */
export async function submitMeeting(deps: Deps, scope: Scope, actor: Actor, id: string, version: number) {
  await deps.db.transaction().execute(async (trx) => {
    const { m, org } = await forEdit(trx, scope, id, version);
    if (m.status !== 'held' && m.status !== 'returned')
      throw new AppError('rule', 'meeting_not_editable', '只有未提交或被退回的记录可以提交');
    const missing = Object.entries(m.missing).filter(([, els]) => els.length > 0);
    if (missing.length) {
      const details = missing.map(([tag, els]) => ({
        tag,
        missing: els.map((e) => ELEMENT_LABEL[e as Element] ?? e),
      }));
      throw ruleRefusal(
        'meeting_incomplete',
        `记录要素不全，不能提交：${details.map((d) => d.missing.join('、')).join('；')}`,
        details,
      );
    }
    await trx
      .updateTable('meeting')
      .set((eb) => ({ status: 'submitted', submittedAt: deps.clock(), version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, deps.clock(), actor, {
      action: 'submit',
      entity: 'meeting',
      entityId: id,
      orgPath: org.path,
    });
  });
  return getMeeting(deps, scope, id);
}

/** The parent org returns a submitted record with comments, or reviews and locks it. */
export async function reviewMeeting(
  deps: Deps,
  scope: Scope,
  actor: Actor,
  id: string,
  body: { version: number; action: 'return' | 'lock'; comment: string | null },
) {
  await deps.db.transaction().execute(async (trx) => {
    const { m, org } = await meetingForRead(trx, scope, id);
    if (!scope.admin && !(org.parentId && canWritePath(scope, parentPath(org.path))))
      throw forbidden('只有上级党组织可以审核会议记录');
    checkVersion(m.version, body.version);
    if (m.status !== 'submitted') throw new AppError('rule', 'meeting_not_submitted', '只能审核已提交的记录');
    if (body.action === 'return' && !body.comment)
      throw ruleRefusal('comment_required', '退回时请写明修改意见', [
        { path: 'comment', message: '请写明修改意见' },
      ]);
    await trx
      .updateTable('meeting')
      .set((eb) => ({
        status: body.action === 'lock' ? 'reviewed' : 'returned',
        reviewComment: body.comment,
        reviewedBy: actor.name,
        reviewedAt: deps.clock(),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, deps.clock(), actor, {
      action: body.action === 'lock' ? 'review_lock' : 'review_return',
      entity: 'meeting',
      entityId: id,
      orgPath: org.path,
      after: { comment: body.comment },
    });
  });
  return getMeeting(deps, scope, id);
}

/** Corrects a locked record through a revision with a reason; the previous content is kept. */
export async function reviseMeeting(
  deps: Deps,
  scope: Scope,
  actor: Actor,
  id: string,
  input: Partial<MeetingBody> & { version: number; reason: string },
) {
  await deps.db.transaction().execute(async (trx) => {
    const { m, org } = await forEdit(trx, scope, id, input.version);
    if (m.status !== 'reviewed')
      throw new AppError(
        'rule',
        'meeting_not_locked',
        '只有已审核锁定的记录需要修订；未锁定的记录可直接修改',
      );
    const { version: _v, reason, ...changes } = input;
    const before = await applyChanges(trx, m, changes);
    await trx
      .insertInto('meetingRevision')
      .values({
        id: uuidv7(),
        meetingId: id,
        version: m.version,
        reason,
        before: JSON.stringify(before),
        revisedBy: actor.name,
        revisedAt: deps.clock(),
      })
      .execute();
    await recordAudit(trx, deps.clock(), actor, {
      action: 'revise',
      entity: 'meeting',
      entityId: id,
      orgPath: org.path,
      before,
      after: { ...changes, reason },
    });
  });
  const out = await getMeeting(deps, scope, id);
  await refreshAfterWrite(deps, out.orgId);
  return out;
}
