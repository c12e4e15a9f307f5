import { z } from 'zod';
import {
  ATTENDANCE_STATUSES,
  DUTIES,
  ELECTION_KINDS,
  MEETING_TAGS,
  MEMBER_STATUSES,
  ORG_CATEGORIES,
  ORG_KINDS,
  POSITION_ROLES,
} from '../enums.ts';
import { IsoDate } from './common.contract.ts';

/**
 * zhibu-dataset/1 (shared/domain/DATASET.md): the public interchange format. Fields may be added,
 * never renamed or removed. Unknown top-level keys are refused; element objects are strict too, so a
 * misspelt field is reported instead of silently dropped. Arrays this version does not yet import
 * (dues, development cases) are validated loosely and reported as skipped; `study_records` elements are
 * validated by study-dataset.contract.ts when imported.
 */
export const DATASET_FORMAT = 'zhibu-dataset/1';

const str = (max: number) => z.string().trim().min(1, '不能为空').max(max, `不能超过 ${max} 个字符`);

export const DatasetOrg = z.strictObject({
  code: str(40),
  name: str(100),
  kind: z.enum(ORG_KINDS),
  parent: str(40).nullable().default(null),
  category: z.enum(ORG_CATEGORIES).default('其他'),
  established_on: IsoDate.nullable().optional(),
  dissolved_on: IsoDate.nullable().optional(),
  pack: str(60).nullable().optional(),
  unit_count: z.number().int().min(0).max(100).optional(),
});
export type DatasetOrg = z.infer<typeof DatasetOrg>;

export const DatasetPerson = z.strictObject({
  ref: str(64),
  name: str(50),
  gender: z.enum(['男', '女']).nullable().optional(),
  birth_date: IsoDate.nullable().optional(),
  id_number: z.string().trim().max(30).nullable().optional(),
  phone: z.string().trim().max(30).nullable().optional(),
  education: z.string().trim().max(20).nullable().optional(),
  ethnicity: z.string().trim().max(20).nullable().optional(),
  title: z.string().trim().max(50).nullable().optional(),
  flags: z.array(z.string().max(40)).max(20).optional(),
});
export type DatasetPerson = z.infer<typeof DatasetPerson>;

export const DatasetMembership = z.strictObject({
  person: str(64),
  org: str(40),
  status: z.enum(MEMBER_STATUSES),
  from: IsoDate,
  to: IsoDate.nullable().default(null),
});
export type DatasetMembership = z.infer<typeof DatasetMembership>;

export const DatasetPosition = z.strictObject({
  person: str(64),
  org: str(40),
  role: z.enum(POSITION_ROLES),
  duty: z.enum(DUTIES).nullable().default(null),
  from: IsoDate,
  to: IsoDate.nullable().default(null),
});
export type DatasetPosition = z.infer<typeof DatasetPosition>;

export const DatasetElection = z.strictObject({
  org: str(40),
  held_on: IsoDate,
  kind: z.enum(ELECTION_KINDS),
  term_years: z.number().int().min(1).max(10),
});
export type DatasetElection = z.infer<typeof DatasetElection>;

const DateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, '时间格式应为 YYYY-MM-DDTHH:mm')
  .refine(
    (s) =>
      IsoDate.safeParse(s.slice(0, 10)).success &&
      Number(s.slice(11, 13)) < 24 &&
      Number(s.slice(14, 16)) < 60,
    '时间不存在',
  );

export const DatasetMeeting = z.strictObject({
  org: str(40),
  tags: z.array(z.enum(MEETING_TAGS)).min(1, '至少一个会议类型'),
  held_at: DateTime,
  ended_at: DateTime.nullable().optional(),
  place: z.string().trim().max(100).nullable().optional(),
  host: str(64).nullable().optional(),
  recorder: str(64).nullable().optional(),
  lecturer: str(64).nullable().optional(),
  topic: z.string().trim().max(200).nullable().optional(),
  agenda: z
    .array(
      z.strictObject({
        title: str(300),
        first_topic: z.boolean().optional(),
        /** 支委会 重大事项 with the speakers' refs in speaking order (LIFE-016). */
        major: z.boolean().optional(),
        speakers: z.array(str(64)).max(50).optional(),
      }),
    )
    .max(50)
    .optional(),
  expected: z.number().int().min(0).max(10_000).nullable().optional(),
  attendance: z
    .array(
      z.strictObject({
        person: str(64),
        status: z.enum(ATTENDANCE_STATUSES),
        reason: z.string().trim().max(200).nullable().optional(),
      }),
    )
    .optional(),
  minutes: z.string().max(20_000).nullable().optional(),
  decisions: z.array(z.string().trim().max(500)).max(100).optional(),
  votes: z
    .array(
      z.strictObject({
        motion: str(300),
        expected_voting: z.number().int().min(0),
        present_voting: z.number().int().min(0),
        yes: z.number().int().min(0),
        no: z.number().int().min(0),
        abstain: z.number().int().min(0),
      }),
    )
    .max(50)
    .optional(),
  /** When the record was entered (server time at entry; late entries are visible, never hidden). */
  recorded_at: DateTime.nullable().optional(),
});
export type DatasetMeeting = z.infer<typeof DatasetMeeting>;

/** Arrays carried by the format whose import comes with later capabilities. */
const Passthrough = z.array(z.record(z.string(), z.unknown()));

export const Dataset = z.strictObject({
  format: z.literal(DATASET_FORMAT, { message: `format 必须为 "${DATASET_FORMAT}"` }),
  orgs: z.array(z.unknown()).default([]),
  people: z.array(z.unknown()).default([]),
  memberships: z.array(z.unknown()).default([]),
  positions: z.array(z.unknown()).default([]),
  elections: z.array(z.unknown()).default([]),
  meetings: z.array(z.unknown()).default([]),
  study_records: Passthrough.default([]),
  annual_plans: Passthrough.default([]),
  dues_payments: Passthrough.default([]),
  development_cases: Passthrough.default([]),
});

/** A dataset as a generator or exporter builds it (typed elements). */
export type DatasetDoc = {
  format: typeof DATASET_FORMAT;
  orgs: z.input<typeof DatasetOrg>[];
  people: z.input<typeof DatasetPerson>[];
  memberships: z.input<typeof DatasetMembership>[];
  positions: z.input<typeof DatasetPosition>[];
  elections: z.input<typeof DatasetElection>[];
  meetings?: z.input<typeof DatasetMeeting>[];
  study_records?: Record<string, unknown>[];
  annual_plans?: Record<string, unknown>[];
  dues_payments?: Record<string, unknown>[];
  development_cases?: Record<string, unknown>[];
};
