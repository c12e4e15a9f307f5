/** Enumerations of the zhibu-dataset/1 format: English codes in data and API, Chinese labels in the UI. */

export const ORG_KINDS = [
  'committee',
  'general_branch',
  'branch',
  'joint_branch',
  'temp_branch',
  'group',
] as const;
export type OrgKind = (typeof ORG_KINDS)[number];
export const ORG_KIND_LABEL: Record<OrgKind, string> = {
  committee: '党委',
  general_branch: '党总支',
  branch: '党支部',
  joint_branch: '联合党支部',
  temp_branch: '临时党支部',
  group: '党小组',
};
/** Kinds that are branches (hold members directly). */
export const BRANCH_KINDS: readonly OrgKind[] = ['branch', 'joint_branch', 'temp_branch'];

export const ORG_CATEGORIES = ['机关', '教师', '学生', '离退休', '企业', '社区', '其他'] as const;
export type OrgCategory = (typeof ORG_CATEGORIES)[number];

export const MEMBER_STATUSES = [
  'applicant',
  'activist',
  'candidate',
  'probationary',
  'full',
  'left',
] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];
export const MEMBER_STATUS_LABEL: Record<MemberStatus, string> = {
  applicant: '入党申请人',
  activist: '入党积极分子',
  candidate: '发展对象',
  probationary: '预备党员',
  full: '正式党员',
  left: '已离开',
};

export const POSITION_ROLES = ['secretary', 'deputy_secretary', 'committee_member', 'group_leader'] as const;
export type PositionRole = (typeof POSITION_ROLES)[number];
export const POSITION_ROLE_LABEL: Record<PositionRole, string> = {
  secretary: '书记',
  deputy_secretary: '副书记',
  committee_member: '委员',
  group_leader: '党小组长',
};
export const DUTIES = ['organization', 'propaganda', 'discipline', 'other'] as const;
export type Duty = (typeof DUTIES)[number];
export const DUTY_LABEL: Record<Duty, string> = {
  organization: '组织委员',
  propaganda: '宣传委员',
  discipline: '纪检委员',
  other: '其他',
};

export const ELECTION_KINDS = ['regular', 'by_election'] as const;
export type ElectionKind = (typeof ELECTION_KINDS)[number];
export const ELECTION_KIND_LABEL: Record<ElectionKind, string> = { regular: '换届', by_election: '增补' };

export const ORG_CHANGE_KINDS = ['create', 'merge', 'split', 'rename', 'move', 'dissolve'] as const;
export type OrgChangeKind = (typeof ORG_CHANGE_KINDS)[number];
export const ORG_CHANGE_KIND_LABEL: Record<OrgChangeKind, string> = {
  create: '新建',
  merge: '合并',
  split: '拆分',
  rename: '更名',
  move: '调整隶属',
  dissolve: '撤销',
};

export const ROLES = ['admin', 'org_admin', 'branch_officer', 'member', 'auditor'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABEL: Record<Role, string> = {
  admin: '系统管理员',
  org_admin: '组织管理员',
  branch_officer: '支部书记/支委',
  member: '党员',
  auditor: '督查（只读）',
};

export const GENDERS = ['男', '女'] as const;
export const EDUCATIONS = ['研究生', '大学本科', '大学专科', '中专', '高中', '初中及以下'] as const;

export const MEETING_TAGS = [
  'branch_assembly',
  'committee_meeting',
  'group_meeting',
  'party_lecture',
  'theme_day',
  'activity_day',
  'org_life_meeting',
  'member_review',
  'heart_talk',
  'party_health_check',
  'study',
] as const;
export type MeetingTag = (typeof MEETING_TAGS)[number];
export const MEETING_TAG_LABEL: Record<MeetingTag, string> = {
  branch_assembly: '党员大会',
  committee_meeting: '支委会',
  group_meeting: '党小组会',
  party_lecture: '党课',
  theme_day: '主题党日',
  activity_day: '党员活动日',
  org_life_meeting: '组织生活会',
  member_review: '民主评议党员',
  heart_talk: '谈心谈话',
  party_health_check: '党性体检',
  study: '集中学习',
};

export const ATTENDANCE_STATUSES = ['present', 'absent', 'leave'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export const ATTENDANCE_STATUS_LABEL: Record<AttendanceStatus, string> = {
  present: '出席',
  absent: '缺席',
  leave: '请假',
};
