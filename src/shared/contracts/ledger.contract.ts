import { z } from 'zod';
import { MeetingView } from './meetings.contract.ts';

export const LedgerQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

/** One record of the 会议记录本: the meeting view with names instead of ids. */
export const LedgerRecord = MeetingView.pick({
  id: true,
  tags: true,
  topic: true,
  heldAt: true,
  endedAt: true,
  place: true,
  expected: true,
  present: true,
  attendance: true,
  agenda: true,
  minutes: true,
  decisions: true,
  votes: true,
  status: true,
  missing: true,
  recordedAt: true,
  lateEntry: true,
  reviewComment: true,
  reviewedBy: true,
  reviewedAt: true,
  revisions: true,
}).extend({
  orgName: z.string(),
  hostName: z.string().nullable(),
  recorderName: z.string().nullable(),
  lecturerName: z.string().nullable(),
});
export type LedgerRecord = z.infer<typeof LedgerRecord>;

/** All meeting records of a branch (and its 党小组) in a year, oldest first. */
export const LedgerResponse = z.object({
  orgId: z.string(),
  orgName: z.string(),
  parentName: z.string().nullable(),
  year: z.number().int(),
  records: z.array(LedgerRecord),
});
export type LedgerResponse = z.infer<typeof LedgerResponse>;
