import { z } from 'zod';
import { PageQuery, paged } from './common.contract.ts';

export const AuditQuery = PageQuery.extend({
  entity: z.string().max(40).optional(),
  entityId: z.string().max(64).optional(),
  /** Everything recorded for this org and the orgs below it. */
  orgId: z.string().uuid().optional(),
});
export const AuditItem = z.object({
  seq: z.number().int(),
  at: z.string(),
  actorName: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditItem = z.infer<typeof AuditItem>;
export const AuditListResponse = paged(AuditItem);
export type AuditListResponse = z.infer<typeof AuditListResponse>;
