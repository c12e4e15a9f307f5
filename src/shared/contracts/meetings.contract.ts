import { z } from 'zod';
import { ATTENDANCE_STATUSES, MEETING_TAGS } from '../enums.ts';
import { Uuid, Version } from './common.contract.ts';

const Instant = z.string().datetime({ offset: true, message: '时间格式应为 ISO 8601（含时区）' });

export const MeetingVote = z.object({
  motion: z.string().trim().min(1).max(300),
  expected_voting: z.number().int().min(0),
  present_voting: z.number().int().min(0),
  yes: z.number().int().min(0),
  no: z.number().int().min(0),
  abstain: z.number().int().min(0),
});

/** A meeting record as entered on the web (attendance: every expected person, or only the non-present). */
export const MeetingBody = z.object({
  tags: z.array(z.enum(MEETING_TAGS)).min(1, '请选择会议类型'),
  topic: z.string().trim().max(200).nullable().default(null),
  heldAt: Instant,
  endedAt: Instant.nullable().default(null),
  place: z.string().trim().max(100).nullable().default(null),
  hostId: Uuid.nullable().default(null),
  recorderId: Uuid.nullable().default(null),
  lecturerId: Uuid.nullable().default(null),
  expected: z.number().int().min(0).max(10_000).nullable().default(null),
  attendance: z
    .array(
      z.object({
        personId: Uuid,
        status: z.enum(ATTENDANCE_STATUSES),
        reason: z.string().trim().max(200).nullable().default(null),
      }),
    )
    .max(10_000)
    .default([]),
  agenda: z
    .array(
      z.object({
        title: z.string().trim().min(1).max(300),
        first_topic: z.boolean().optional(),
        /** A 重大事项 of a 支委会, whose speaking order is recorded in `speakers` (LIFE-016). */
        major: z.boolean().optional(),
        speakers: z.array(Uuid).max(50).optional(),
      }),
    )
    .max(50)
    .default([]),
  minutes: z.string().max(20_000).nullable().default(null),
  decisions: z.array(z.string().trim().min(1).max(500)).max(100).default([]),
  votes: z.array(MeetingVote).max(50).default([]),
});
export type MeetingBody = z.input<typeof MeetingBody>;

/** The same fields, each optional and without defaults: a partial edit changes only what it sends. */
const MeetingChanges = z.object(
  Object.fromEntries(
    Object.entries(MeetingBody.shape).map(([k, v]) => [
      k,
      (v instanceof z.ZodDefault ? v.unwrap() : v).optional(),
    ]),
  ) as unknown as {
    [K in keyof typeof MeetingBody.shape]: z.ZodOptional<z.ZodType<z.output<(typeof MeetingBody.shape)[K]>>>;
  },
);

export const MeetingUpdateBody = MeetingChanges.extend({ version: Version });
export const MeetingReviewBody = z.object({
  version: Version,
  action: z.enum(['return', 'lock']),
  comment: z.string().trim().max(1000).nullable().default(null),
});
export const MeetingRevisionBody = MeetingChanges.extend({
  version: Version,
  reason: z.string().trim().min(5, '请写明修订理由（至少 5 个字）').max(1000),
});
export const MeetingVersionBody = z.object({ version: Version });

export const MeetingView = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  tags: z.array(z.string()),
  topic: z.string().nullable(),
  heldAt: z.string(),
  endedAt: z.string().nullable(),
  place: z.string().nullable(),
  hostId: z.string().nullable(),
  recorderId: z.string().nullable(),
  lecturerId: z.string().nullable(),
  expected: z.number().int().nullable(),
  present: z.number().int().nullable(),
  attendance: z.array(
    z.object({
      personId: z.string(),
      personName: z.string(),
      status: z.string(),
      reason: z.string().nullable(),
    }),
  ),
  agenda: z.array(
    z.object({
      title: z.string(),
      first_topic: z.boolean().optional(),
      major: z.boolean().optional(),
      speakers: z.array(z.string()).optional(),
    }),
  ),
  minutes: z.string().nullable(),
  decisions: z.array(z.string()),
  votes: z.array(MeetingVote),
  status: z.enum(['planned', 'held', 'submitted', 'returned', 'reviewed']),
  /** Missing LIFE-015 elements per tag (Chinese labels). */
  missing: z.record(z.string(), z.array(z.string())),
  recordedAt: z.string(),
  /** Entered more than the late-entry setting's days after the meeting (补录). */
  lateEntry: z.boolean(),
  reviewComment: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  revisions: z.array(
    z.object({ version: z.number().int(), reason: z.string(), revisedBy: z.string(), revisedAt: z.string() }),
  ),
  version: z.number().int(),
  canWrite: z.boolean(),
  canReview: z.boolean(),
});
export type MeetingView = z.infer<typeof MeetingView>;

export const MeetingListItem = MeetingView.pick({
  id: true,
  tags: true,
  topic: true,
  heldAt: true,
  status: true,
  lateEntry: true,
  expected: true,
  present: true,
}).extend({
  incomplete: z.boolean(),
});
export const MeetingListResponse = z.object({ items: z.array(MeetingListItem) });
export const MeetingListQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export const RosterQuery = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'),
});
export const RosterResponse = z.object({
  items: z.array(z.object({ personId: z.string(), name: z.string(), status: z.string() })),
});
