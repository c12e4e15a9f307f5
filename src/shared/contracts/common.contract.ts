import { z } from 'zod';
import { MEMBER_STATUSES, ORG_CATEGORIES, ORG_KINDS } from '../enums.ts';

/** A calendar date 'YYYY-MM-DD' that exists. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number);
    const dt = new Date(Date.UTC(y, m - 1, d));
    return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
  }, '日期不存在');

export const Uuid = z.string().uuid('ID 格式无效');
export const IdParams = z.object({ id: Uuid });
export const Version = z.number().int().min(1);

export const OrgKind = z.enum(ORG_KINDS);
export const OrgCategory = z.enum(ORG_CATEGORIES);
export const MemberStatus = z.enum(MEMBER_STATUSES);

export const ErrorResponse = z.object({
  code: z.string(),
  message: z.string(),
  details: z.unknown().optional(),
});
export type ErrorResponse = z.infer<typeof ErrorResponse>;

export const PageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

/** A page of results. */
export const paged = <T extends z.ZodTypeAny>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });

export const OkResponse = z.object({ ok: z.literal(true) });

/** A boolean in a query string: 'true'/'1' or 'false'/'0' (z.coerce.boolean would read 'false' as true). */
export const QueryBool = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0'], { message: '应为 true 或 false' })])
  .transform((v) => v === true || v === 'true' || v === '1');
