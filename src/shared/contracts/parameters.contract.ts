import { z } from 'zod';

export const ParameterKeyParams = z.object({ id: z.string().uuid(), key: z.string().min(3).max(120) });

export const EffectiveParameter = z.object({
  key: z.string(),
  value: z.unknown(),
  sourceRef: z.string(),
  unverified: z.boolean(),
  /** The pack's value and source, shown next to a local override. */
  packValue: z.unknown(),
  packSourceRef: z.string(),
  override: z
    .object({
      orgId: z.string(),
      orgName: z.string(),
      reason: z.string(),
      createdBy: z.string(),
      createdAt: z.string(),
    })
    .nullable(),
});
export type EffectiveParameter = z.infer<typeof EffectiveParameter>;

export const ParametersResponse = z.object({ packId: z.string(), items: z.array(EffectiveParameter) });
export type ParametersResponse = z.infer<typeof ParametersResponse>;

export const OverrideBody = z.object({
  value: z.unknown(),
  reason: z.string().trim().min(5, '请写明调整理由（至少 5 个字）').max(500),
});
export type OverrideBody = z.infer<typeof OverrideBody>;

export const RemoveOverrideBody = z.object({
  reason: z.string().trim().min(5, '请写明撤销理由（至少 5 个字）').max(500),
});
