import { z } from 'zod';
import { QueryBool } from './common.contract.ts';

export const MeetingImportQuery = z.object({
  dryRun: QueryBool.default(true),
});

/** One spreadsheet row as previewed: what will be stored, what it lacks (LIFE-015) and its errors. */
export const MeetingImportRow = z.object({
  row: z.number().int(),
  heldAt: z.string(),
  tags: z.string(),
  topic: z.string(),
  /** Record elements missing (Chinese labels); the record is still imported, marked incomplete. */
  missing: z.array(z.string()),
  errors: z.array(z.object({ field: z.string(), message: z.string() })),
});
export type MeetingImportRow = z.infer<typeof MeetingImportRow>;

export const MeetingImportResponse = z.object({
  dryRun: z.boolean(),
  written: z.boolean(),
  rows: z.array(MeetingImportRow),
  errorCount: z.number().int(),
  created: z.number().int(),
  incomplete: z.number().int(),
});
export type MeetingImportResponse = z.infer<typeof MeetingImportResponse>;
