import { z } from 'zod';
import { POINTS_STATUSES } from '../study-enums.ts';
import { IsoDate, Uuid, Version } from './common.contract.ts';

const cap = z.number().positive('上限必须大于 0').max(10000).nullable();

export const PointsItemBody = z.object({
  code: z.string().trim().min(1, '编码不能为空').max(30),
  name: z.string().trim().min(1, '名称不能为空').max(100),
  points: z
    .number()
    .min(-1000)
    .max(1000)
    .refine((n) => n !== 0, '分值不能为 0'),
  capPerMonth: cap.optional(),
  capPerYear: cap.optional(),
  needsApproval: z.boolean().default(false),
});
export type PointsItemBody = z.infer<typeof PointsItemBody>;
export const PointsItemUpdateBody = PointsItemBody.partial().extend({
  version: Version,
  active: z.boolean().optional(),
});
export type PointsItemUpdateBody = z.infer<typeof PointsItemUpdateBody>;

export const PointsItemView = z.object({
  id: Uuid,
  orgId: Uuid.nullable(),
  orgName: z.string().nullable(),
  code: z.string(),
  name: z.string(),
  points: z.number(),
  capPerMonth: z.number().nullable(),
  capPerYear: z.number().nullable(),
  needsApproval: z.boolean(),
  active: z.boolean(),
  version: z.number().int(),
});
export type PointsItemView = z.infer<typeof PointsItemView>;
export const PointsItemsResponse = z.object({ items: z.array(PointsItemView), canManage: z.boolean() });

export const PointsEntryBody = z.object({
  itemId: Uuid,
  date: IsoDate,
  points: z.number().min(-1000).max(1000).optional(),
  note: z.string().trim().max(300).nullable().optional(),
});
export type PointsEntryBody = z.infer<typeof PointsEntryBody>;
export const PointsDecisionBody = z.object({
  version: Version,
  action: z.enum(['approve', 'reject']),
  reason: z.string().trim().max(300).optional(),
});
export type PointsDecisionBody = z.infer<typeof PointsDecisionBody>;

export const PointsEntryView = z.object({
  id: Uuid,
  personId: Uuid,
  personName: z.string(),
  orgId: Uuid,
  itemId: Uuid,
  itemName: z.string(),
  date: z.string(),
  points: z.number(),
  note: z.string().nullable(),
  status: z.enum(POINTS_STATUSES),
  decidedBy: z.string().nullable(),
  reason: z.string().nullable(),
  recordedBy: z.string(),
  version: z.number().int(),
});
export type PointsEntryView = z.infer<typeof PointsEntryView>;

export const PersonPointsResponse = z.object({
  personId: Uuid,
  year: z.number().int(),
  entries: z.array(PointsEntryView),
  months: z.record(z.string(), z.number()),
  total: z.number(),
  canWrite: z.boolean(),
});
export type PersonPointsResponse = z.infer<typeof PersonPointsResponse>;

export const OrgPointsResponse = z.object({
  orgId: Uuid,
  year: z.number().int(),
  /** Yearly ranking (年评比) with monthly tallies (月统计) and quarterly totals. */
  ranking: z.array(
    z.object({
      personId: Uuid,
      name: z.string(),
      rank: z.number().int(),
      total: z.number(),
      months: z.record(z.string(), z.number()),
      quarters: z.record(z.string(), z.number()),
    }),
  ),
  pending: z.array(PointsEntryView),
  publications: z.array(z.object({ period: z.string(), publishedAt: z.string(), publishedBy: z.string() })),
  canWrite: z.boolean(),
});
export type OrgPointsResponse = z.infer<typeof OrgPointsResponse>;

export const PublishBody = z.object({
  quarter: z.string().regex(/^\d{4}-Q[1-4]$/, '季度格式应为 YYYY-Qn'),
});
export const PublicationView = z.object({
  period: z.string(),
  publishedAt: z.string(),
  publishedBy: z.string(),
  rows: z.array(z.object({ personId: Uuid, name: z.string(), points: z.number() })),
});
