import type { ColumnType, Generated } from 'kysely';

/** A `numeric` column: the driver may return a string; always read through Number(). */
type Numeric = ColumnType<number | string, number | string, number | string>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Json<T> = ColumnType<T, string | T, string | T>;

/** A study record (RULES.md §0.4 StudyRecord; EDU-001…006), placed at the person's org of the day. */
export interface StudyRecordTable {
  id: string;
  personId: string;
  orgId: string;
  orgPath: string;
  studiedOn: string;
  hours: Numeric;
  kind: string;
  title: string | null;
  provider: string | null;
  source: Generated<string>;
  recordedAt: Timestamp;
  recordedBy: string;
  version: Generated<number>;
  createdAt: CreatedAt;
}

/** Which attended meetings credit study hours, for an org subtree (nearest ancestor's setting applies). */
export interface StudyCreditSettingTable {
  orgId: string;
  orgPath: string;
  tags: Json<string[]>;
  mode: string;
  hoursPerMeeting: Numeric;
  kind: Generated<string>;
  updatedBy: string;
  updatedAt: Timestamp;
  version: Generated<number>;
}

/** A points catalog item (EDU-007): global when orgId is null, else for the org's subtree. */
export interface PointsItemTable {
  id: string;
  orgId: string | null;
  orgPath: string | null;
  code: string;
  name: string;
  points: Numeric;
  capPerMonth: Numeric | null;
  capPerYear: Numeric | null;
  needsApproval: Generated<boolean>;
  active: Generated<boolean>;
  version: Generated<number>;
  createdAt: CreatedAt;
}

/** Points earned by a person; pending entries count only once approved. */
export interface PointsEntryTable {
  id: string;
  personId: string;
  itemId: string;
  orgId: string;
  orgPath: string;
  earnedOn: string;
  points: Numeric;
  note: string | null;
  status: string;
  decidedBy: string | null;
  decidedAt: Timestamp | null;
  reason: string | null;
  recordedBy: string;
  recordedAt: Timestamp;
  version: Generated<number>;
  createdAt: CreatedAt;
}

/** A quarterly publication (季公示) of a branch's points, with the published snapshot. */
export interface PointsPublicationTable {
  id: string;
  orgId: string;
  orgPath: string;
  period: string;
  publishedBy: string;
  publishedAt: Timestamp;
  snapshot: Json<unknown>;
}

/** Hours and records per person and calendar year, per kind, kept by triggers on study_record (migration 0012). */
/** Hours and count per study kind (study_year_total: records; study_credit_total: credited meetings). */
export interface KindTotals {
  hoursConcentrated: Numeric;
  nConcentrated: number;
  hoursCollective: Numeric;
  nCollective: number;
  hoursOnline: Numeric;
  nOnline: number;
  hoursSelf: Numeric;
  nSelf: number;
}

/** float8 sums generated from the kinds' hours (migration 0019), for the EDU people query's filter. */
export interface KeptSums {
  /** 集中培训 + 集体学习 hours. */
  ccHours: ColumnType<number, never, never>;
  /** 集中培训 hours. */
  concHours: ColumnType<number, never, never>;
}

export interface StudyYearTotalTable extends KindTotals, KeptSums {
  personId: string;
  year: number;
  n: number;
}

/**
 * Meeting credit per person and year, kept by triggers on meeting, meeting_attendance, membership and
 * study_credit_setting (EDU-001…003, migration 0014): hours and credited meetings per kind.
 */
export interface StudyCreditTotalTable extends KindTotals, KeptSums {
  personId: string;
  year: number;
}

/**
 * Study sums per person-year, own records and meeting credit together (migration 0021): a row for each person and
 * year with a 预备/正式 membership row or a position that year, within study_person_year_span; kept by triggers.
 */
export interface StudyPersonYearTable extends KindTotals {
  personId: string;
  year: number;
  /** 集中培训 + 集体学习 hours, own and credited. */
  ccHours: number;
  /** 集中培训 hours, own and credited. */
  concHours: number;
  /** 集中培训 sessions, own and credited. */
  sessions: number;
  creditHoursConcentrated: Numeric;
  creditNConcentrated: number;
  creditHoursCollective: Numeric;
  creditNCollective: number;
  creditHoursOnline: Numeric;
  creditNOnline: number;
  creditHoursSelf: Numeric;
  creditNSelf: number;
}

/** The years study_person_year covers (one row). */
export interface StudyPersonYearSpanTable {
  fromYear: number;
  throughYear: number;
}

/** View: each credited meeting with its kind and hours under the nearest credit setting (migration 0014). */
export interface MeetingStudyCreditView {
  meetingId: string;
  orgId: string;
  heldOn: string;
  kind: string;
  hours: Numeric;
}

/** View: who each credited meeting credits — present, or a party member of its org that day without a row (migration 0014). */
export interface StudyCreditSourceView {
  personId: string;
  meetingId: string;
  heldOn: string;
  kind: string;
  hours: Numeric;
}

/** Hours and record count per person and day, kept by triggers on study_record (EDU-006, migration 0012). */
export interface StudyDayTotalTable {
  personId: string;
  day: string;
  hours: Numeric;
  n: number;
}
