import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { CalendarTokenTable } from './schema-calendar.ts';
import type {
  PointsEntryTable,
  PointsItemTable,
  PointsPublicationTable,
  MeetingStudyCreditView,
  StudyCreditSettingTable,
  StudyCreditSourceView,
  StudyCreditTotalTable,
  StudyDayTotalTable,
  StudyPersonYearSpanTable,
  StudyPersonYearTable,
  StudyRecordTable,
  StudyYearTotalTable,
} from './schema-study.ts';

/** A `date` column: 'YYYY-MM-DD' strings both ways. */
type DateCol = string;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json<T> = ColumnType<T, string | T, string | T>;

export interface OrgTable {
  id: string;
  seq: Generated<number>;
  parentId: string | null;
  path: string;
  depth: number;
  kind: string;
  category: Generated<string>;
  code: string;
  name: string;
  establishedOn: DateCol | null;
  dissolvedOn: DateCol | null;
  unitCount: Generated<number>;
  pack: string | null;
  settings: Json<Record<string, unknown>>;
  version: Generated<number>;
  createdAt: CreatedAt;
  updatedAt: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface PersonTable {
  id: string;
  ref: string | null;
  name: string;
  gender: string | null;
  ethnicity: string | null;
  birthDate: DateCol | null;
  education: string | null;
  title: string | null;
  phone: string | null;
  idNumberEnc: string | null;
  idNumberHash: string | null;
  idNumberMasked: string | null;
  flags: Json<string[]>;
  version: Generated<number>;
  createdAt: CreatedAt;
  updatedAt: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface MembershipTable {
  id: string;
  personId: string;
  orgId: string;
  orgPath: string;
  status: string;
  validFrom: DateCol;
  validTo: DateCol | null;
  note: string | null;
  createdAt: CreatedAt;
}

export interface ElectionTable {
  id: string;
  orgId: string;
  heldOn: DateCol;
  kind: string;
  termYears: number;
  note: string | null;
  version: Generated<number>;
  createdAt: CreatedAt;
}

export interface PositionTable {
  id: string;
  personId: string;
  orgId: string;
  role: string;
  duty: string | null;
  validFrom: DateCol;
  validTo: DateCol | null;
  electionId: string | null;
  version: Generated<number>;
  createdAt: CreatedAt;
}

export interface OrgChangeTable {
  id: string;
  orgId: string;
  kind: string;
  appliedOn: DateCol | null;
  decidedOn: DateCol | null;
  approvalDoc: string | null;
  filedOn: DateCol | null;
  note: string | null;
  relatedOrgIds: Json<string[]>;
  version: Generated<number>;
  createdAt: CreatedAt;
}

export interface AppUserTable {
  id: string;
  username: string;
  displayName: string;
  passwordHash: string;
  personId: string | null;
  failedAttempts: Generated<number>;
  lockedUntil: Timestamp | null;
  disabled: Generated<boolean>;
  version: Generated<number>;
  createdAt: CreatedAt;
}

export interface UserGrantTable {
  id: string;
  userId: string;
  role: string;
  orgId: string | null;
  pii: Generated<boolean>;
  createdAt: CreatedAt;
}

export interface UserSessionTable {
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: Timestamp;
  lastSeenAt: Timestamp;
  ip: string | null;
  userAgent: string | null;
}

export interface AuditLogTable {
  seq: Generated<number>;
  at: Timestamp;
  actorId: string | null;
  actorName: string;
  action: string;
  entity: string;
  entityId: string | null;
  orgPath: string | null;
  before: Json<unknown> | null;
  after: Json<unknown> | null;
  prevHash: string;
  hash: string;
}

export interface MeetingTable {
  id: string;
  orgId: string;
  orgPath: string;
  tags: Json<string[]>;
  topic: string | null;
  heldAt: Timestamp;
  /** Calendar date of the meeting in Asia/Shanghai. */
  heldOn: DateCol;
  endedAt: Timestamp | null;
  place: string | null;
  hostId: string | null;
  recorderId: string | null;
  lecturerId: string | null;
  expected: number | null;
  present: number | null;
  /** `major`: a 重大事项 of a 支委会; `speakers`: person ids in speaking order (LIFE-016). */
  agenda: Json<{ title: string; first_topic?: boolean; major?: boolean; speakers?: string[] }[]>;
  minutes: string | null;
  decisions: Json<string[]>;
  votes: Json<MeetingVote[]>;
  status: Generated<string>;
  missing: Json<Record<string, string[]>>;
  /** Sorted, comma-joined tags whose own elements are complete (RULES §0.3 C5). */
  completeTags: Generated<string>;
  incomplete: Generated<boolean>;
  /** Study credit of the meeting (kind, hours), set by a trigger from the nearest credit setting (migration 0014); null = none. */
  creditKind: Generated<string | null>;
  creditHours: Generated<string | number | null>;
  source: Generated<string>;
  recordedAt: Timestamp;
  reviewComment: string | null;
  reviewedBy: string | null;
  reviewedAt: Timestamp | null;
  submittedAt: Timestamp | null;
  version: Generated<number>;
  createdAt: CreatedAt;
}

export interface MeetingRevisionTable {
  id: string;
  meetingId: string;
  version: number;
  reason: string;
  before: Json<Record<string, unknown>>;
  revisedBy: string;
  revisedAt: Timestamp;
}

/** A recorded vote (RULES.md §0.3 C4, ORG-020). */
export type MeetingVote = {
  motion: string;
  expected_voting: number;
  present_voting: number;
  yes: number;
  no: number;
  abstain: number;
};

export interface MeetingAttendanceTable {
  meetingId: string;
  personId: string;
  status: string;
  reason: string | null;
}

/** Absent rows at member-wide records per person and month (migration 0015, kept by triggers; LIFE-018). */
export interface AbsenceMonthTable {
  personId: string;
  /** First day of the month. */
  month: DateCol;
  n: number;
}

/** Each person's first 预备 and 正式 day over the whole membership history (migration 0017, kept by triggers; EDU-004/005). */
export interface PersonAdmissionTable {
  personId: string;
  probationFrom: DateCol | null;
  fullFrom: DateCol | null;
}

export interface ComplianceRunTable {
  id: string;
  kind: string;
  asOf: DateCol;
  rootOrgId: string | null;
  rootPath: string;
  startedAt: Timestamp;
  finishedAt: Timestamp;
  findingCount: number;
}

export interface FindingTable {
  id: string;
  runId: string;
  asOf: DateCol;
  orgId: string;
  orgPath: string;
  ruleId: string;
  checkId: string;
  personId: string | null;
  period: string;
  severity: string;
  message: string;
  sourceRef: string;
  evidence: Json<Record<string, unknown>>;
}

export interface ParameterOverrideTable {
  id: string;
  orgId: string;
  orgPath: string;
  key: string;
  value: Json<unknown>;
  reason: string;
  createdBy: string;
  createdAt: Timestamp;
}

export interface AnnualPlanTable {
  id: string;
  orgId: string;
  orgPath: string;
  year: number;
  /** draft | filed (LIFE-014). */
  status: Generated<string>;
  filedOn: DateCol | null;
  filedBy: string | null;
  version: Generated<number>;
  createdAt: CreatedAt;
}

export interface PlanItemTable {
  id: string;
  planId: string;
  plannedOn: DateCol;
  tags: Json<string[]>;
  theme: string;
  lecturerId: string | null;
  note: string | null;
  /** The held meeting that fulfils the item. */
  meetingId: string | null;
}

/** Uploaded content, stored once per SHA-256 (hex). */
export interface BlobTable {
  sha256: string;
  size: number;
  content: Uint8Array;
  createdAt: CreatedAt;
}

/** A file attached to a meeting record (photo, 签到表, other), content in `blob`. */
export interface MeetingAttachmentTable {
  id: string;
  meetingId: string;
  /** photo | sign_in | other */
  kind: string;
  fileName: string;
  mime: string;
  size: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: Timestamp;
}

/** A human score of a MANUAL/SEMI indicator (kind 'self' = 自评, 'final' = 考评); history in the audit log. */
export interface IndicatorScoreTable {
  id: string;
  orgId: string;
  orgPath: string;
  packId: string;
  indicatorId: string;
  period: string;
  kind: string;
  score: ColumnType<number | null, number | null, number | null>;
  confirmed: boolean | null;
  comment: string | null;
  evidence: Json<IndicatorEvidence[]>;
  scoredBy: string;
  scoredAt: Timestamp;
  version: Generated<number>;
}

/** One evidence item of an indicator score (jsonb; keys as stored). */
export type IndicatorEvidence = {
  type: 'meeting' | 'person' | 'document' | 'link' | 'note';
  kind: string | null;
  ref: string | null;
  title: string;
  url: string | null;
};

/** Current membership rows per org subtree (path prefix) and status, kept by triggers on membership (migration 0011). */
export interface SubtreeMemberCountTable {
  subtreePath: string;
  status: string;
  n: number;
}

/**
 * The member list's item per person with a current membership, rendered ahead of time (migration 0013):
 * `item` is PersonListItem as compact JSON without its ages and closing brace; the ages are computed when
 * read from the yyyymmdd keys. `personListItemSource` is the view that defines the rows.
 */
export interface PersonListItemTable {
  personId: string;
  birthKey: number | null;
  fullKey: number | null;
  item: string;
}

export interface DB {
  org: OrgTable;
  person: PersonTable;
  membership: MembershipTable;
  subtreeMemberCount: SubtreeMemberCountTable;
  personListItem: PersonListItemTable;
  personListItemSource: PersonListItemTable;
  election: ElectionTable;
  position: PositionTable;
  orgChange: OrgChangeTable;
  appUser: AppUserTable;
  userGrant: UserGrantTable;
  userSession: UserSessionTable;
  auditLog: AuditLogTable;
  meeting: MeetingTable;
  meetingAttendance: MeetingAttendanceTable;
  absenceMonth: AbsenceMonthTable;
  personAdmission: PersonAdmissionTable;
  meetingRevision: MeetingRevisionTable;
  meetingAttachment: MeetingAttachmentTable;
  blob: BlobTable;
  complianceRun: ComplianceRunTable;
  finding: FindingTable;
  parameterOverride: ParameterOverrideTable;
  calendarToken: CalendarTokenTable;
  indicatorScore: IndicatorScoreTable;
  studyRecord: StudyRecordTable;
  studyYearTotal: StudyYearTotalTable;
  studyCreditTotal: StudyCreditTotalTable;
  studyPersonYear: StudyPersonYearTable;
  studyPersonYearSpan: StudyPersonYearSpanTable;
  meetingStudyCredit: MeetingStudyCreditView;
  studyCreditSource: StudyCreditSourceView;
  studyDayTotal: StudyDayTotalTable;
  studyCreditSetting: StudyCreditSettingTable;
  pointsItem: PointsItemTable;
  pointsEntry: PointsEntryTable;
  pointsPublication: PointsPublicationTable;
  annualPlan: AnnualPlanTable;
  planItem: PlanItemTable;
}

export type OrgRow = Selectable<OrgTable>;
export type PersonRow = Selectable<PersonTable>;
export type MembershipRow = Selectable<MembershipTable>;
export type PositionRow = Selectable<PositionTable>;
export type ElectionRow = Selectable<ElectionTable>;
export type OrgChangeRow = Selectable<OrgChangeTable>;
export type AppUserRow = Selectable<AppUserTable>;
export type NewOrg = Insertable<OrgTable>;
export type OrgUpdate = Updateable<OrgTable>;
