import { createHash } from 'node:crypto';
import { type Scope, canWritePath } from '../../domain/auth/scope.ts';
import { AppError, forbidden, notFound, validationError } from '../../domain/errors.ts';
import { sniffAttachmentType } from '../../domain/meetings/attachment-type.ts';
import { findSetting } from '../../domain/standards/rule-catalog.ts';
import type {
  AttachmentKind,
  AttachmentListResponse,
  AttachmentView,
} from '../../shared/contracts/meeting-workflow.contract.ts';
import { recordAudit } from '../audit.service.ts';
import type { Actor, Deps, Tx } from '../deps.ts';
import { uuidv7 } from '../infra/ids.ts';
import { checkVersion } from '../scope-guard.ts';
import { meetingForRead } from './meeting-read.service.ts';

/** Largest accepted attachment in bytes (setting life.record.attachmentMaxBytes, default 10 MB). */
export const attachmentMaxBytes = () =>
  Number(findSetting('life.record.attachmentMaxBytes')?.default ?? 10 * 1024 * 1024);

const EDITABLE = new Set(['held', 'returned']);
const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

/** A file name without directories or control characters, at most 200 characters. */
export const cleanFileName = (name: string) =>
  (name.split(/[\\/]/).pop() ?? '')
    .replace(/\p{Cc}/gu, '')
    .trim()
    .slice(-200) || '未命名文件';

const view = (r: {
  id: string;
  kind: string;
  fileName: string;
  mime: string;
  size: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: Date | string;
}): AttachmentView => ({
  ...r,
  kind: r.kind as AttachmentKind,
  uploadedAt: new Date(r.uploadedAt).toISOString(),
});

async function attachmentsOf(db: Tx, meetingId: string) {
  const rows = await db
    .selectFrom('meetingAttachment')
    .select(['id', 'kind', 'fileName', 'mime', 'size', 'sha256', 'uploadedBy', 'uploadedAt'])
    .where('meetingId', '=', meetingId)
    .orderBy('uploadedAt')
    .orderBy('id')
    .execute();
  return rows.map(view);
}

/** The attachments of a record the caller may read, with what the caller may do with them. */
export async function listAttachments(
  deps: Deps,
  scope: Scope,
  meetingId: string,
): Promise<AttachmentListResponse> {
  const { m, org } = await meetingForRead(deps.db, scope, meetingId);
  const write = canWritePath(scope, org.path);
  return {
    items: await attachmentsOf(deps.db, meetingId),
    maxBytes: attachmentMaxBytes(),
    editable: write && EDITABLE.has(m.status),
    revisable: write && m.status === 'reviewed',
  };
}

export type Upload = {
  kind: AttachmentKind;
  fileName: string;
  content: Buffer;
  /** Required on a locked record: the upload is then a revision. */
  version?: number;
  reason?: string;
};

/** Refuses a file over the size limit, naming it. */
export function tooLarge(fileName: string) {
  return validationError(`附件“${fileName}”超过大小上限 ${mb(attachmentMaxBytes())}`, [
    { path: 'file', message: `“${fileName}”过大` },
  ]);
}

/**
 * Attaches a file to a record: jpeg/png/webp/pdf by content, within the size limit, stored once per
 * SHA-256. While the record is held or returned it is a plain edit; on a locked record it is a revision
 * (version and a reason required, kept in the revision history); a submitted record takes no files.
 */
export async function addAttachment(
  deps: Deps,
  scope: Scope,
  actor: Actor,
  meetingId: string,
  u: Upload,
): Promise<AttachmentView> {
  const fileName = cleanFileName(u.fileName);
  if (u.content.length > attachmentMaxBytes()) throw tooLarge(fileName);
  const mime = sniffAttachmentType(u.content);
  if (!mime)
    throw validationError(`附件“${fileName}”不是 JPEG、PNG、WebP 图片或 PDF 文件`, [
      { path: 'file', message: `“${fileName}”类型不受支持` },
    ]);
  const sha256 = createHash('sha256').update(u.content).digest('hex');
  const id = uuidv7();
  await deps.db.transaction().execute(async (trx) => {
    const { m, org } = await meetingForRead(trx, scope, meetingId);
    if (!canWritePath(scope, org.path)) throw forbidden('该会议记录不在您的管理范围内，或您只有只读权限');
    const before = await attachmentsOf(trx, meetingId);
    if (m.status === 'reviewed') {
      if (u.version === undefined || !u.reason)
        throw new AppError('rule', 'meeting_locked', '记录已审核锁定，只能通过“修订”并说明理由来添加附件', [
          { path: 'reason', message: '请写明修订理由（至少 5 个字）' },
        ]);
      checkVersion(m.version, u.version);
      await trx
        .insertInto('meetingRevision')
        .values({
          id: uuidv7(),
          meetingId,
          version: m.version,
          reason: u.reason,
          before: JSON.stringify({ attachments: before.map((a) => a.fileName) }),
          revisedBy: actor.name,
          revisedAt: deps.clock(),
        })
        .execute();
      await trx
        .updateTable('meeting')
        .set((eb) => ({ version: eb('version', '+', 1) }))
        .where('id', '=', meetingId)
        .execute();
    } else if (!EDITABLE.has(m.status)) {
      throw new AppError('rule', 'meeting_locked', '记录已提交审核，审核退回后才能添加附件');
    }
    await trx
      .insertInto('blob')
      .values({ sha256, size: u.content.length, content: u.content })
      .onConflict((oc) => oc.column('sha256').doNothing())
      .execute();
    await trx
      .insertInto('meetingAttachment')
      .values({
        id,
        meetingId,
        kind: u.kind,
        fileName,
        mime,
        size: u.content.length,
        sha256,
        uploadedBy: actor.name,
        uploadedAt: deps.clock(),
      })
      .execute();
    await recordAudit(trx, deps.clock(), actor, {
      action: m.status === 'reviewed' ? 'revise' : 'attach',
      entity: 'meeting',
      entityId: meetingId,
      orgPath: org.path,
      before: m.status === 'reviewed' ? { attachments: before.map((a) => a.fileName) } : undefined,
      after: {
        attachment: { id, kind: u.kind, fileName, mime, size: u.content.length, sha256 },
        ...(m.status === 'reviewed' ? { reason: u.reason } : {}),
      },
    });
  });
  const out = (await attachmentsOf(deps.db, meetingId)).find((a) => a.id === id);
  return out!;
}

async function attachmentFor(db: Tx, meetingId: string, attachmentId: string) {
  const a = await db
    .selectFrom('meetingAttachment')
    .selectAll()
    .where('id', '=', attachmentId)
    .where('meetingId', '=', meetingId)
    .executeTakeFirst();
  if (!a) throw notFound('附件', 'attachment_not_found');
  return a;
}

/** The stored content of an attachment of a record the caller may read. */
export async function readAttachment(deps: Deps, scope: Scope, meetingId: string, attachmentId: string) {
  await meetingForRead(deps.db, scope, meetingId);
  const a = await attachmentFor(deps.db, meetingId, attachmentId);
  const blob = await deps.db
    .selectFrom('blob')
    .select('content')
    .where('sha256', '=', a.sha256)
    .executeTakeFirstOrThrow();
  return { fileName: a.fileName, mime: a.mime, content: Buffer.from(blob.content) };
}

/** Removes an attachment while the record is editable (held or returned); unused content is dropped. */
export async function removeAttachment(
  deps: Deps,
  scope: Scope,
  actor: Actor,
  meetingId: string,
  attachmentId: string,
) {
  await deps.db.transaction().execute(async (trx) => {
    const { m, org } = await meetingForRead(trx, scope, meetingId);
    if (!canWritePath(scope, org.path)) throw forbidden('该会议记录不在您的管理范围内，或您只有只读权限');
    const a = await attachmentFor(trx, meetingId, attachmentId);
    if (!EDITABLE.has(m.status))
      throw new AppError(
        'rule',
        'meeting_locked',
        m.status === 'reviewed' ? '记录已审核锁定，附件不能删除' : '记录已提交审核，审核退回后才能删除附件',
      );
    await trx.deleteFrom('meetingAttachment').where('id', '=', attachmentId).execute();
    const used = await trx
      .selectFrom('meetingAttachment')
      .select('id')
      .where('sha256', '=', a.sha256)
      .limit(1)
      .executeTakeFirst();
    if (!used) await trx.deleteFrom('blob').where('sha256', '=', a.sha256).execute();
    await recordAudit(trx, deps.clock(), actor, {
      action: 'detach',
      entity: 'meeting',
      entityId: meetingId,
      orgPath: org.path,
      before: { attachment: { id: a.id, kind: a.kind, fileName: a.fileName, sha256: a.sha256 } },
    });
  });
}
