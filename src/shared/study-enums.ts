/** Study record kinds (DATASET.md `study_records[].kind`, RULES.md §0.4 StudyRecord). */
export const STUDY_KINDS = ['concentrated_training', 'collective_study', 'online', 'self_study'] as const;
export type StudyKind = (typeof STUDY_KINDS)[number];
export const STUDY_KIND_LABEL: Record<StudyKind, string> = {
  concentrated_training: '集中培训',
  collective_study: '集体学习',
  online: '线上学习',
  self_study: '自学',
};

export const POINTS_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type PointsStatus = (typeof POINTS_STATUSES)[number];
export const POINTS_STATUS_LABEL: Record<PointsStatus, string> = {
  pending: '待审核',
  approved: '已通过',
  rejected: '已驳回',
};

/** How attended meetings credit hours: a fixed number per meeting, or the meeting's duration. */
export const CREDIT_MODES = ['per_meeting', 'duration'] as const;
export type CreditMode = (typeof CREDIT_MODES)[number];
