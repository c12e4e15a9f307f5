import { z } from 'zod';
import { CREDIT_MODES, STUDY_KINDS } from '../study-enums.ts';
import { IsoDate, Uuid, Version } from './common.contract.ts';
import { StudyHours } from './study-dataset.contract.ts';

export const StudyKind = z.enum(STUDY_KINDS, { message: '学习类型无效' });
const text = (max: number) => z.string().trim().max(max, `不能超过 ${max} 个字符`);

export const YearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export const StudyRecordBody = z.object({
  date: IsoDate,
  hours: StudyHours,
  kind: StudyKind,
  title: text(200).nullable().optional(),
  provider: text(100).nullable().optional(),
});
export type StudyRecordBody = z.infer<typeof StudyRecordBody>;
export const StudyRecordUpdateBody = StudyRecordBody.partial().extend({ version: Version });
export type StudyRecordUpdateBody = z.infer<typeof StudyRecordUpdateBody>;
export const VersionBody = z.object({ version: Version });

export const StudyRecordView = z.object({
  id: Uuid,
  personId: Uuid,
  orgId: Uuid,
  orgName: z.string(),
  date: z.string(),
  hours: z.number(),
  kind: StudyKind,
  title: z.string().nullable(),
  provider: z.string().nullable(),
  source: z.string(),
  recordedBy: z.string(),
  recordedAt: z.string(),
  version: z.number().int(),
});
export type StudyRecordView = z.infer<typeof StudyRecordView>;

const ByKind = z.object({
  concentrated_training: z.number(),
  collective_study: z.number(),
  online: z.number(),
  self_study: z.number(),
});

export const StudyThresholdView = z.object({
  ruleId: z.enum(['EDU-001', 'EDU-002']),
  minHours: z.number(),
  sourceRef: z.string(),
  minConcentratedSessions: z.number(),
  minConcentratedHours: z.number().nullable(),
  countedKinds: z.array(StudyKind),
});

export const StudyShortfall = z.object({
  hours: z.number(),
  sessions: z.number(),
  concentrated: z.number(),
  met: z.boolean(),
});

export const PersonStudyResponse = z.object({
  personId: Uuid,
  name: z.string(),
  year: z.number().int(),
  roles: z.array(z.string()),
  records: z.array(StudyRecordView),
  credits: z.array(
    z.object({ meetingId: Uuid, date: z.string(), topic: z.string().nullable(), hours: z.number() }),
  ),
  byKind: ByKind,
  fromMeetings: z.number(),
  counted: z.number(),
  concentratedHours: z.number(),
  concentratedSessions: z.number(),
  threshold: StudyThresholdView,
  shortfall: StudyShortfall,
  canWrite: z.boolean(),
});
export type PersonStudyResponse = z.infer<typeof PersonStudyResponse>;

export const BranchStudyRow = z.object({
  personId: Uuid,
  name: z.string(),
  orgId: Uuid,
  orgName: z.string(),
  roles: z.array(z.string()),
  byKind: ByKind,
  fromMeetings: z.number(),
  counted: z.number(),
  minHours: z.number(),
  ruleId: z.string(),
  shortfall: StudyShortfall,
});
export type BranchStudyRow = z.infer<typeof BranchStudyRow>;
export const BranchStudyResponse = z.object({
  orgId: Uuid,
  orgName: z.string(),
  year: z.number().int(),
  rows: z.array(BranchStudyRow),
});
export type BranchStudyResponse = z.infer<typeof BranchStudyResponse>;

export const CreditSettingBody = z.object({
  tags: z.array(z.string().min(1)).min(1, '至少选择一种会议类型'),
  mode: z.enum(CREDIT_MODES),
  hoursPerMeeting: z.number().positive('学时必须大于 0').max(24),
  kind: StudyKind,
  version: z.number().int().min(0).optional(),
});
export type CreditSettingBody = z.infer<typeof CreditSettingBody>;
export const CreditSettingResponse = z.object({
  tags: z.array(z.string()),
  mode: z.enum(CREDIT_MODES),
  hoursPerMeeting: z.number(),
  kind: StudyKind,
  /** Org whose setting applies; null = system default. */
  definedAt: z.object({ orgId: Uuid, orgName: z.string() }).nullable(),
  version: z.number().int(),
  canManage: z.boolean(),
});
export type CreditSettingResponse = z.infer<typeof CreditSettingResponse>;
