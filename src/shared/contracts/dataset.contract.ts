import { z } from 'zod';
import {
  DUTIES,
  ELECTION_KINDS,
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
 * (meetings, study records, dues, development cases) are validated loosely and carried through.
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

/** Arrays carried by the format whose import comes with later capabilities. */
const Passthrough = z.array(z.record(z.string(), z.unknown()));

export const Dataset = z.strictObject({
  format: z.literal(DATASET_FORMAT, { message: `format 必须为 "${DATASET_FORMAT}"` }),
  orgs: z.array(z.unknown()).default([]),
  people: z.array(z.unknown()).default([]),
  memberships: z.array(z.unknown()).default([]),
  positions: z.array(z.unknown()).default([]),
  elections: z.array(z.unknown()).default([]),
  meetings: Passthrough.default([]),
  study_records: Passthrough.default([]),
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
  meetings?: Record<string, unknown>[];
  study_records?: Record<string, unknown>[];
  dues_payments?: Record<string, unknown>[];
  development_cases?: Record<string, unknown>[];
};
