import { z } from 'zod';
import { QueryBool } from './common.contract.ts';

/** One problem in an import, naming where it is. */
export const ImportIssue = z.object({
  /** Dataset array ('people', 'memberships', …) or sheet name. */
  array: z.string(),
  /** 0-based index in the array, or 1-based spreadsheet row. */
  index: z.number().int(),
  field: z.string().nullable(),
  message: z.string(),
});
export type ImportIssue = z.infer<typeof ImportIssue>;

export const ImportReport = z.object({
  dryRun: z.boolean(),
  partial: z.boolean(),
  written: z.boolean(),
  counts: z.record(z.string(), z.number().int()),
  errors: z.array(ImportIssue),
  warnings: z.array(ImportIssue),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const RosterImportQuery = z.object({
  orgId: z.string().uuid(),
  dryRun: QueryBool.default(true),
});

/** One roster row as previewed. */
export const RosterPreviewRow = z.object({
  row: z.number().int(),
  name: z.string(),
  status: z.string(),
  orgCode: z.string(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })),
});
export const RosterImportResponse = z.object({
  dryRun: z.boolean(),
  written: z.boolean(),
  rows: z.array(RosterPreviewRow),
  errorCount: z.number().int(),
  created: z.number().int(),
});
export type RosterImportResponse = z.infer<typeof RosterImportResponse>;
