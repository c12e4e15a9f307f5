import { z } from 'zod';
import { DUTIES, ELECTION_KINDS, ORG_CHANGE_KINDS, POSITION_ROLES } from '../enums.ts';
import { IsoDate, OrgCategory, OrgKind, QueryBool, Uuid, Version } from './common.contract.ts';

export const OrgNode = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  code: z.string(),
  name: z.string(),
  kind: OrgKind,
  category: OrgCategory,
  dissolvedOn: z.string().nullable(),
  childCount: z.number().int(),
  version: z.number().int(),
});
export type OrgNode = z.infer<typeof OrgNode>;

export const OrgListResponse = z.object({ items: z.array(OrgNode) });
export type OrgListResponse = z.infer<typeof OrgListResponse>;

export const OrgSearchQuery = z.object({
  q: z.string().trim().min(1, '请输入关键字').max(50),
  includeDissolved: QueryBool.default(false),
});
export const OrgChildrenQuery = z.object({ includeDissolved: QueryBool.default(false) });

export const OrgSearchHit = OrgNode.extend({ pathNames: z.array(z.string()) });
export const OrgSearchResponse = z.object({ items: z.array(OrgSearchHit), truncated: z.boolean() });
export type OrgSearchResponse = z.infer<typeof OrgSearchResponse>;

export const PositionView = z.object({
  id: z.string(),
  personId: z.string(),
  personName: z.string(),
  role: z.enum(POSITION_ROLES),
  duty: z.enum(DUTIES).nullable(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  electionId: z.string().nullable(),
  version: z.number().int(),
});
export type PositionView = z.infer<typeof PositionView>;

export const ElectionView = z.object({
  id: z.string(),
  heldOn: z.string(),
  kind: z.enum(ELECTION_KINDS),
  termYears: z.number().int(),
  termEnd: z.string(),
  note: z.string().nullable(),
});
export type ElectionView = z.infer<typeof ElectionView>;

/** Term status (ORG-014/015): last regular election, term end, overdue. */
export const TermStatus = z.object({
  lastElection: ElectionView.nullable(),
  termEnd: z.string().nullable(),
  overdue: z.boolean(),
  dueWithinDays: z.number().int().nullable(),
  ruleIds: z.array(z.string()),
});

export const OrgDetail = OrgNode.extend({
  path: z.array(z.object({ id: z.string(), name: z.string(), code: z.string() })),
  establishedOn: z.string().nullable(),
  unitCount: z.number().int(),
  pack: z.string().nullable(),
  counts: z.record(z.string(), z.number().int()),
  subtreeCounts: z.record(z.string(), z.number().int()),
  positions: z.array(PositionView),
  term: TermStatus,
  canWrite: z.boolean(),
});
export type OrgDetail = z.infer<typeof OrgDetail>;

export const OrgCreateBody = z.object({
  parentId: Uuid.nullable(),
  code: z
    .string()
    .trim()
    .min(1, '请填写组织编码')
    .max(40)
    .regex(/^[A-Za-z0-9_.-]+$/, '编码只能包含字母、数字、点、下划线、连字符'),
  name: z.string().trim().min(2, '组织名称至少 2 个字').max(100),
  kind: OrgKind,
  category: OrgCategory.default('其他'),
  establishedOn: IsoDate.nullable().default(null),
  unitCount: z.number().int().min(0).max(100).default(1),
});
export type OrgCreateBody = z.infer<typeof OrgCreateBody>;

export const OrgUpdateBody = z.object({
  version: Version,
  name: z.string().trim().min(2, '组织名称至少 2 个字').max(100).optional(),
  category: OrgCategory.optional(),
  establishedOn: IsoDate.nullable().optional(),
  unitCount: z.number().int().min(0).max(100).optional(),
});
export type OrgUpdateBody = z.infer<typeof OrgUpdateBody>;

export const OrgMoveBody = z.object({ version: Version, parentId: Uuid });
export type OrgMoveBody = z.infer<typeof OrgMoveBody>;

export const OrgDissolveBody = z.object({
  version: Version,
  dissolvedOn: IsoDate,
  note: z.string().max(500).optional(),
});
export type OrgDissolveBody = z.infer<typeof OrgDissolveBody>;

export const OrgChangeView = z.object({
  id: z.string(),
  kind: z.enum(ORG_CHANGE_KINDS),
  appliedOn: z.string().nullable(),
  decidedOn: z.string().nullable(),
  approvalDoc: z.string().nullable(),
  filedOn: z.string().nullable(),
  note: z.string().nullable(),
  version: z.number().int(),
});
export type OrgChangeView = z.infer<typeof OrgChangeView>;

export const OrgChangeBody = z.object({
  kind: z.enum(ORG_CHANGE_KINDS),
  appliedOn: IsoDate.nullable().default(null),
  decidedOn: IsoDate.nullable().default(null),
  approvalDoc: z.string().trim().max(200).nullable().default(null),
  filedOn: IsoDate.nullable().default(null),
  note: z.string().trim().max(1000).nullable().default(null),
});
export type OrgChangeBody = z.infer<typeof OrgChangeBody>;

export const ElectionBody = z.object({
  heldOn: IsoDate,
  kind: z.enum(ELECTION_KINDS),
  termYears: z.number().int().min(1).max(10),
  note: z.string().trim().max(500).nullable().default(null),
});
export type ElectionBody = z.infer<typeof ElectionBody>;

export const PositionBody = z.object({
  personId: Uuid,
  role: z.enum(POSITION_ROLES),
  duty: z.enum(DUTIES).nullable().default(null),
  validFrom: IsoDate,
  electionId: Uuid.nullable().default(null),
});
export type PositionBody = z.infer<typeof PositionBody>;

export const PositionEndBody = z.object({ version: Version, validTo: IsoDate });
export type PositionEndBody = z.infer<typeof PositionEndBody>;

export const OrgChangesResponse = z.object({ items: z.array(OrgChangeView) });
export const ElectionsResponse = z.object({ items: z.array(ElectionView) });
export const PositionsResponse = z.object({ items: z.array(PositionView) });
