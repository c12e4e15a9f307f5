import { z } from 'zod';

/** `?month=YYYY-MM` (defaults to the current month in Asia/Shanghai). */
export const CalendarQuery = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份（month）格式应为 YYYY-MM，例如 2026-11')
    .optional(),
});

export const CalendarMeeting = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  tags: z.array(z.string()),
  topic: z.string().nullable(),
  heldAt: z.string(),
  endedAt: z.string().nullable(),
  /** Calendar date in Asia/Shanghai. */
  heldOn: z.string(),
  place: z.string().nullable(),
  status: z.enum(['planned', 'held', 'submitted', 'returned', 'reviewed']),
  /** The caller may open the full record (the meeting's org is in the caller's scope). */
  canOpen: z.boolean(),
});
export type CalendarMeeting = z.infer<typeof CalendarMeeting>;

export const CalendarDeadline = z.object({
  date: z.string(),
  periodStart: z.string().nullable(),
  kind: z.enum(['period_due', 'theme_day', 'term_end']),
  ruleId: z.string(),
  tag: z.string().nullable(),
  orgId: z.string(),
  orgName: z.string(),
  title: z.string(),
  detail: z.string(),
  met: z.boolean().nullable(),
  sourceRef: z.string(),
});
export type CalendarDeadline = z.infer<typeof CalendarDeadline>;

export const CalendarResponse = z.object({
  month: z.string(),
  meetings: z.array(CalendarMeeting),
  deadlines: z.array(CalendarDeadline),
});
export type CalendarResponse = z.infer<typeof CalendarResponse>;

export const TODO_KINDS = [
  'meeting_due',
  'record_missing',
  'draft_unsubmitted',
  'record_returned',
  'review_waiting',
  'upcoming_meeting',
] as const;
export type TodoKind = (typeof TODO_KINDS)[number];

export const TodoItem = z.object({
  kind: z.enum(TODO_KINDS),
  title: z.string(),
  /** What to do by when (YYYY-MM-DD). */
  dueDate: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  /** Review comment of a returned record; the rule behind a due meeting. */
  detail: z.string().nullable(),
  ruleId: z.string().nullable(),
  meetingId: z.string().nullable(),
  /** Web path to act on the item. */
  link: z.string(),
});
export type TodoItem = z.infer<typeof TodoItem>;

export const TodoResponse = z.object({
  items: z.array(TodoItem),
  /** Items left out after the first 100. */
  more: z.number().int(),
});
export type TodoResponse = z.infer<typeof TodoResponse>;

export const CalendarTokenStatus = z.object({
  active: z.object({ id: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable() }).nullable(),
});
export type CalendarTokenStatus = z.infer<typeof CalendarTokenStatus>;

/** The new feed's path, returned once: only its hash is stored. */
export const CalendarTokenCreated = z.object({ id: z.string(), createdAt: z.string(), path: z.string() });
export type CalendarTokenCreated = z.infer<typeof CalendarTokenCreated>;
