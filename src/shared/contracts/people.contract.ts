import { z } from 'zod';
import { EDUCATIONS, GENDERS } from '../enums.ts';
import {
  IsoDate,
  MemberStatus,
  OrgCategory,
  PageQuery,
  QueryBool,
  Uuid,
  Version,
  paged,
} from './common.contract.ts';

export const PersonListQuery = PageQuery.extend({
  orgId: Uuid.optional(),
  status: z.union([MemberStatus, z.array(MemberStatus)]).optional(),
  category: OrgCategory.optional(),
  q: z.string().trim().max(50).optional(),
  gender: z.enum(GENDERS).optional(),
  ageMin: z.coerce.number().int().min(0).max(150).optional(),
  ageMax: z.coerce.number().int().min(0).max(150).optional(),
  /** Party age in whole years since becoming a full member. */
  partyAgeMin: z.coerce.number().int().min(0).max(100).optional(),
  partyAgeMax: z.coerce.number().int().min(0).max(100).optional(),
  /** Include people who have left (status 'left'). */
  includeLeft: QueryBool.default(false),
});
export type PersonListQuery = z.infer<typeof PersonListQuery>;

/** A person on the member list; the name and code of their org are in the page's `orgs`, once per org. */
export const PersonListItem = z.object({
  id: z.string(),
  name: z.string(),
  gender: z.string().nullable(),
  birthDate: z.string().nullable(),
  age: z.number().int().nullable(),
  education: z.string().nullable(),
  phone: z.string().nullable(),
  idNumber: z.string().nullable(),
  status: MemberStatus,
  statusSince: z.string(),
  orgId: z.string(),
  fullSince: z.string().nullable(),
  partyAge: z.number().int().nullable(),
});
export type PersonListItem = z.infer<typeof PersonListItem>;
export const PersonListOrg = z.object({ id: z.string(), name: z.string(), code: z.string() });
export type PersonListOrg = z.infer<typeof PersonListOrg>;
/** A page of the member list: its people, and each org they belong to once (a page spans a few orgs). */
export const PersonListResponse = paged(PersonListItem).extend({ orgs: z.array(PersonListOrg) });
export type PersonListResponse = z.infer<typeof PersonListResponse>;
/** A list item with its org's name and code: what tables, pickers and exports show. */
export type PersonListRow = PersonListItem & { orgName: string; orgCode: string };

/** The page's items with their orgs' names and codes. */
export function listRows(page: Pick<PersonListResponse, 'items' | 'orgs'>): PersonListRow[] {
  const orgs = new Map(page.orgs.map((o) => [o.id, o]));
  return page.items.map((p) => {
    const o = orgs.get(p.orgId);
    return { ...p, orgName: o?.name ?? '', orgCode: o?.code ?? '' };
  });
}

export const MembershipView = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string(),
  orgCode: z.string(),
  status: MemberStatus,
  validFrom: z.string(),
  validTo: z.string().nullable(),
  note: z.string().nullable(),
});
export type MembershipView = z.infer<typeof MembershipView>;

export const PersonDetail = z.object({
  id: z.string(),
  ref: z.string().nullable(),
  name: z.string(),
  gender: z.string().nullable(),
  ethnicity: z.string().nullable(),
  birthDate: z.string().nullable(),
  education: z.string().nullable(),
  title: z.string().nullable(),
  phone: z.string().nullable(),
  idNumber: z.string().nullable(),
  idNumberMasked: z.boolean(),
  flags: z.array(z.string()),
  version: z.number().int(),
  current: MembershipView.nullable(),
  history: z.array(MembershipView),
  positions: z.array(
    z.object({
      id: z.string(),
      orgName: z.string(),
      role: z.string(),
      duty: z.string().nullable(),
      validFrom: z.string(),
      validTo: z.string().nullable(),
    }),
  ),
  canWrite: z.boolean(),
  canReadPii: z.boolean(),
});
export type PersonDetail = z.infer<typeof PersonDetail>;

const PersonFields = {
  name: z.string().trim().min(1, '请填写姓名').max(50, '姓名过长'),
  gender: z.enum(GENDERS, { message: '性别应为“男”或“女”' }).nullable().default(null),
  ethnicity: z.string().trim().max(20).nullable().default(null),
  birthDate: IsoDate.nullable().default(null),
  education: z.enum(EDUCATIONS).nullable().default(null),
  title: z.string().trim().max(50).nullable().default(null),
  phone: z
    .string()
    .trim()
    .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, '电话号码格式不正确')
    .nullable()
    .default(null),
  idNumber: z.string().trim().max(30).nullable().default(null),
  flags: z.array(z.string().max(40)).max(20).default([]),
};

export const PersonCreateBody = z.object({
  ...PersonFields,
  orgId: Uuid,
  status: MemberStatus.exclude(['left']),
  statusFrom: IsoDate,
});
export type PersonCreateBody = z.input<typeof PersonCreateBody>;

export const PersonUpdateBody = z.object({
  version: Version,
  name: PersonFields.name.optional(),
  gender: z.enum(GENDERS).nullable().optional(),
  ethnicity: z.string().trim().max(20).nullable().optional(),
  birthDate: IsoDate.nullable().optional(),
  education: z.enum(EDUCATIONS).nullable().optional(),
  title: z.string().trim().max(50).nullable().optional(),
  phone: PersonFields.phone.unwrap().unwrap().nullable().optional(),
  idNumber: z.string().trim().max(30).nullable().optional(),
  flags: z.array(z.string().max(40)).max(20).optional(),
});
export type PersonUpdateBody = z.infer<typeof PersonUpdateBody>;

/** A status change or transfer: closes the current membership row and opens a new one. */
export const StatusChangeBody = z.object({
  version: Version,
  status: MemberStatus,
  /** Target org for a transfer; default = current org. */
  orgId: Uuid.optional(),
  from: IsoDate,
  note: z.string().trim().max(500).optional(),
});
export type StatusChangeBody = z.infer<typeof StatusChangeBody>;

export const IdNumberResponse = z.object({ idNumber: z.string().nullable() });

export const PersonCreatedResponse = z.object({ id: z.string() });
