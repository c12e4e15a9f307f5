import { z } from 'zod';
import { MEETING_TAGS } from '../enums.ts';
import { IsoDate, Uuid, Version } from './common.contract.ts';

export const PlanYearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });
export const PlanDraftBody = z.object({ year: z.number().int().min(2000).max(2100) });

/** One planned meeting as edited in the plan table. */
export const PlanItemBody = z.object({
  plannedOn: IsoDate,
  tags: z.array(z.enum(MEETING_TAGS)).min(1, '请选择会议类型'),
  theme: z.string().trim().min(1, '请填写主题').max(200, '主题不超过 200 字'),
  lecturerId: Uuid.nullable().default(null),
  note: z.string().trim().max(500, '备注不超过 500 字').nullable().default(null),
  /** The held meeting that fulfils it, when linked by hand (otherwise matched by tag and month). */
  meetingId: Uuid.nullable().default(null),
});
export type PlanItemBody = z.input<typeof PlanItemBody>;

export const PlanItemsBody = z.object({ version: Version, items: z.array(PlanItemBody).max(500) });
export type PlanItemsBody = z.input<typeof PlanItemsBody>;
export const PlanVersionBody = z.object({ version: Version });

export const PlanItemView = z.object({
  id: z.string(),
  plannedOn: z.string(),
  tags: z.array(z.string()),
  theme: z.string(),
  lecturerId: z.string().nullable(),
  lecturerName: z.string().nullable(),
  note: z.string().nullable(),
  meetingId: z.string().nullable(),
  /** Planned vs held: fulfilled, still to come, or missed (its month ended). */
  state: z.enum(['held', 'pending', 'missed']),
  heldOn: z.string().nullable(),
});
export type PlanItemView = z.infer<typeof PlanItemView>;

export const PlanView = z.object({
  id: z.string(),
  orgId: z.string(),
  year: z.number().int(),
  status: z.enum(['draft', 'filed']),
  filedOn: z.string().nullable(),
  filedBy: z.string().nullable(),
  version: z.number().int(),
  items: z.array(PlanItemView),
  /** Held meetings of the year that fulfil no planned item. */
  unplanned: z.array(
    z.object({
      meetingId: z.string(),
      heldOn: z.string(),
      tags: z.array(z.string()),
      topic: z.string().nullable(),
    }),
  ),
});
export type PlanView = z.infer<typeof PlanView>;

/** The plan of a branch for a year (null until a draft is generated), its deadline and the caller's rights. */
export const PlanResponse = z.object({
  orgId: z.string(),
  orgName: z.string(),
  year: z.number().int(),
  dueDate: z.string(),
  filingTarget: z.string(),
  canWrite: z.boolean(),
  plan: PlanView.nullable(),
});
export type PlanResponse = z.infer<typeof PlanResponse>;

/** Filing status of each branch in a subtree (for the parent org). */
export const PlanFilingRow = z.object({
  orgId: z.string(),
  orgName: z.string(),
  orgCode: z.string(),
  status: z.enum(['none', 'draft', 'filed']),
  filedOn: z.string().nullable(),
  onTime: z.boolean().nullable(),
  itemCount: z.number().int(),
  heldCount: z.number().int(),
});
export type PlanFilingRow = z.infer<typeof PlanFilingRow>;
export const PlanFilingResponse = z.object({
  year: z.number().int(),
  dueDate: z.string(),
  items: z.array(PlanFilingRow),
});
export type PlanFilingResponse = z.infer<typeof PlanFilingResponse>;
