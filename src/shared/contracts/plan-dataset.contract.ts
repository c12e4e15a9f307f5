import { z } from 'zod';
import { MEETING_TAGS } from '../enums.ts';
import { IsoDate } from './common.contract.ts';

/** One planned meeting of an annual plan (年度计划). */
export const DatasetPlanItem = z.strictObject({
  date: IsoDate,
  tags: z
    .array(z.enum(MEETING_TAGS, { message: `tags 的取值应为 ${MEETING_TAGS.join(' / ')}` }))
    .min(1, '至少一个会议类型'),
  theme: z.string().trim().min(1, '不能为空').max(200),
  /** Person ref of the planned lecturer (党课). */
  lecturer: z.string().trim().min(1).max(64).nullable().optional(),
  note: z.string().trim().max(500).nullable().optional(),
});
export type DatasetPlanItem = z.infer<typeof DatasetPlanItem>;

/**
 * zhibu-dataset/1 `annual_plans[]` (an addition to the format, docs/decisions.md): a branch's plan for a
 * year (LIFE-014), filed with the parent org on `filed_on` (absent or null = a draft), and its items.
 */
export const DatasetAnnualPlan = z.strictObject({
  org: z.string().trim().min(1, '不能为空').max(64),
  year: z.number({ message: '年份必须是数字' }).int().min(2000).max(2100),
  filed_on: IsoDate.nullable().optional(),
  items: z.array(DatasetPlanItem).default([]),
});
export type DatasetAnnualPlan = z.infer<typeof DatasetAnnualPlan>;
