import { z } from 'zod';
import { STUDY_KINDS } from '../study-enums.ts';
import { IsoDate } from './common.contract.ts';

/** Study hours: positive, at most 24 a record, in steps of 0.5 (EDU-006). */
export const StudyHours = z
  .number({ message: '学时必须是数字' })
  .positive('学时必须大于 0')
  .max(24, '一条记录的学时不能超过 24')
  .refine((h) => Number.isInteger(h * 2), '学时以 0.5 为单位');

/** zhibu-dataset/1 `study_records[]` (DATASET.md): `{person, date, hours, kind}` plus optional title/provider. */
export const DatasetStudyRecord = z.strictObject({
  person: z.string().trim().min(1, '不能为空').max(64),
  date: IsoDate,
  hours: StudyHours,
  kind: z.enum(STUDY_KINDS, { message: `kind 应为 ${STUDY_KINDS.join(' / ')}` }),
  title: z.string().trim().max(200).nullable().optional(),
  provider: z.string().trim().max(100).nullable().optional(),
});
export type DatasetStudyRecord = z.infer<typeof DatasetStudyRecord>;
