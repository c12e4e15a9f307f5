import type { Role } from '../../shared/enums.ts';

/**
 * Fixed anchors of the school-scale demo: org codes, the people behind the demo accounts and the
 * deliberate rule violations. They do not depend on the seed (the generator pins these refs and codes).
 */
export const DEMO_ORG_CODES = {
  /** 中共陇原师范大学委员会 (the university 党委). */
  root: 'U',
  /** 文学院党总支. */
  college: 'U-03',
  /** 文学院教工第一党支部: the branch of `shuji` and `dangyuan`. */
  branch: 'U-03-01',
  /** 数学与统计学院教工第一党支部: the branch of `shuji2` (a different college). */
  branch2: 'U-10-01',
} as const;

export const DEMO_PERSON_REFS = {
  /** Secretary of DEMO_ORG_CODES.branch. */
  secretary: 'p00001',
  /** An ordinary full member of DEMO_ORG_CODES.branch (holds no position). */
  member: 'p00002',
  /** Secretary of DEMO_ORG_CODES.branch2. */
  secretary2: 'p00003',
} as const;

/**
 * Deliberate imperfections, so that `zhibu check` and the dashboards have something to show
 * (shared/domain/RULES.md §1). Everything else in the school demo is generated to comply.
 */
export const DEMO_IMPERFECTIONS = {
  /** Last regular election more than 3 years before `asOf`, no new one (term 3 years). */
  overdueElection: {
    org: 'U-04-02',
    ruleId: 'ORG-015',
    description: '历史文化学院教工第二党支部：上次换届已超过3年，未按期换届',
  },
  /** Exactly 9 full members, only a secretary, no branch committee. */
  noCommittee: {
    org: 'U-01-15',
    ruleId: 'ORG-008',
    description: '保卫处党支部：9名正式党员，未设立支部委员会',
  },
  /** 52 members (full + probationary) — over the general cap of 50. */
  oversized: { org: 'U-02-04', ruleId: 'ORG-006', description: '退休教工第三党支部：党员52名，超过50人' },
  /** A teacher branch of 33 — over the 30 cap for teacher/student branches (S002). */
  overCategoryCap: {
    org: 'U-14-01',
    ruleId: 'ORG-006',
    description: '计算机科学与工程学院教工第一党支部：党员33名，超过教师、学生党支部30人的要求',
  },
  /** Only 2 full members (below the threshold of 3 for a branch). */
  tooFewFull: { org: 'U-01-17', ruleId: 'ORG-003', description: '校医院党支部：仅有2名正式党员' },
  /** The secretary became a full member less than a year before `asOf`. */
  juniorSecretary: {
    org: 'U-07-02',
    ruleId: 'ORG-011',
    description: '经济学院教工第二党支部：书记转为正式党员不满1年',
  },
} as const;
export type DemoImperfection = keyof typeof DEMO_IMPERFECTIONS;

export type DemoAccount = {
  username: string;
  password: string;
  role: Role;
  orgCode: string | null;
  personRef: string | null;
  pii: boolean;
  description: string;
};

/** Demo logins; the passwords are shown on the login page in demo mode only. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  {
    username: 'admin',
    password: 'Demo2026!admin',
    role: 'admin',
    orgCode: null,
    personRef: null,
    pii: true,
    description: '系统管理员：全部权限',
  },
  {
    username: 'zuzhibu',
    password: 'Demo2026!zuzhibu',
    role: 'org_admin',
    orgCode: DEMO_ORG_CODES.root,
    personRef: null,
    pii: true,
    description: '党委组织部：管理全校党组织、党员和考核',
  },
  {
    username: 'shuji',
    password: 'Demo2026!shuji',
    role: 'branch_officer',
    orgCode: DEMO_ORG_CODES.branch,
    personRef: DEMO_PERSON_REFS.secretary,
    pii: false,
    description: '支部书记：文学院教工第一党支部',
  },
  {
    username: 'dangyuan',
    password: 'Demo2026!dangyuan',
    role: 'member',
    orgCode: DEMO_ORG_CODES.branch,
    personRef: DEMO_PERSON_REFS.member,
    pii: false,
    description: '普通党员：文学院教工第一党支部，只能查看本人信息',
  },
  {
    username: 'ducha',
    password: 'Demo2026!ducha',
    role: 'auditor',
    orgCode: DEMO_ORG_CODES.root,
    personRef: null,
    pii: false,
    description: '督查（纪委）：全校只读查看与审计日志',
  },
  {
    username: 'shuji2',
    password: 'Demo2026!shuji2',
    role: 'branch_officer',
    orgCode: DEMO_ORG_CODES.branch2,
    personRef: DEMO_PERSON_REFS.secretary2,
    pii: false,
    description: '支部书记：数学与统计学院教工第一党支部',
  },
];
