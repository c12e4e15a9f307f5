import { z } from 'zod';
import { MeetingView } from './meetings.contract.ts';

export const ATTACHMENT_KINDS = ['photo', 'sign_in', 'other'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

export const AttachmentParams = z.object({
  id: z.string().uuid('ID 格式无效'),
  attachmentId: z.string().uuid('ID 格式无效'),
});

/** Upload query: on a locked record an attachment is added only as a revision (version + reason). */
export const AttachmentUploadQuery = z.object({
  kind: z.enum(ATTACHMENT_KINDS, { message: '附件类型应为 photo、sign_in 或 other' }),
  version: z.coerce.number().int().min(1).optional(),
  reason: z.string().trim().min(5, '请写明修订理由（至少 5 个字）').max(1000).optional(),
});

export const AttachmentView = z.object({
  id: z.string(),
  kind: z.enum(ATTACHMENT_KINDS),
  fileName: z.string(),
  mime: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.string(),
  uploadedAt: z.string(),
});
export type AttachmentView = z.infer<typeof AttachmentView>;

export const AttachmentListResponse = z.object({
  items: z.array(AttachmentView),
  /** Largest accepted file (setting life.record.attachmentMaxBytes). */
  maxBytes: z.number().int(),
  /** Files may be added and removed directly (record held or returned, caller may write). */
  editable: z.boolean(),
  /** Files may be added only through a revision with a reason (record locked, caller may write). */
  revisable: z.boolean(),
});
export type AttachmentListResponse = z.infer<typeof AttachmentListResponse>;

/** A submitted record waiting for the caller's review. */
export const ReviewQueueItem = MeetingView.pick({
  id: true,
  orgId: true,
  orgName: true,
  tags: true,
  topic: true,
  heldAt: true,
  lateEntry: true,
  expected: true,
  present: true,
  version: true,
}).extend({ submittedAt: z.string().nullable() });
export type ReviewQueueItem = z.infer<typeof ReviewQueueItem>;
export const ReviewQueueResponse = z.object({ items: z.array(ReviewQueueItem) });
export type ReviewQueueResponse = z.infer<typeof ReviewQueueResponse>;
